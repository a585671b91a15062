import Foundation

/// Builds `multipart/form-data` bodies the way a browser or mobile client sends them.
struct Multipart {
    let boundary = "p2p-test-\(UUID().uuidString)"
    private var body = Data()

    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    mutating func field(_ name: String, _ value: String) {
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
    }

    mutating func file(
        _ name: String, _ data: Data, filename: String = "upload.bin", contentType: String = "application/octet-stream"
    ) {
        body.append(
            Data(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\nContent-Type: \(contentType)\r\n\r\n"
                    .utf8))
        body.append(data)
        body.append(Data("\r\n".utf8))
    }

    var data: Data {
        body + Data("--\(boundary)--\r\n".utf8)
    }
}

/// Small files that start with the right (or wrong) magic bytes.
enum SampleFile {
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(repeating: 0x42, count: 64)
    static let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0]) + Data(repeating: 0x11, count: 64)
    static let webp =
        Data("RIFF".utf8) + Data([0x40, 0, 0, 0]) + Data("WEBPVP8 ".utf8) + Data(repeating: 0x22, count: 48)
    static let pdf = Data("%PDF-1.7\n".utf8) + Data(repeating: 0x20, count: 64)
    static let gif = Data("GIF89a".utf8) + Data(repeating: 0x33, count: 64)
    static let text = Data("just some text pretending to be an image".utf8)
    /// A PNG one byte over the 5 MB limit.
    static let oversizedPNG = png + Data(repeating: 0, count: 5 * 1024 * 1024 - png.count + 1)
}
