import Foundation
import Testing

/// Decodes images with the real `zbarimg` reader, so a successful read proves the symbol is standard-conformant.
public enum ZBarReader {
    public static let executablePath = "/usr/bin/zbarimg"

    /// The text `zbarimg --raw` reads from `png`, or nil when it finds no symbol.
    public static func decode(png: [UInt8]) throws -> String? {
        try #require(
            FileManager.default.isExecutableFile(atPath: executablePath),
            "zbarimg is not installed at \(executablePath); install it with `apt-get install zbar-tools`"
        )
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString).png")
        try Data(png).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executablePath)
        process.arguments = ["--raw", "-q", file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Drain the pipe before waiting so a large output cannot block the child.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        var text = String(decoding: data, as: UTF8.self)
        if text.hasSuffix("\n") {
            text.removeLast()
        }
        return text
    }
}
