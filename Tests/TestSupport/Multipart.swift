import Foundation

/// Builds `multipart/form-data` bodies the way a browser or mobile client sends them.
public struct Multipart {
    public let boundary = "p2p-test-\(UUID().uuidString)"
    private var body = Data()

    public init() {}

    public var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    public mutating func field(_ name: String, _ value: String) {
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
    }

    public mutating func file(
        _ name: String, _ data: Data, filename: String = "upload.bin", contentType: String = "application/octet-stream"
    ) {
        body.append(
            Data(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\nContent-Type: \(contentType)\r\n\r\n"
                    .utf8))
        body.append(data)
        body.append(Data("\r\n".utf8))
    }

    public var data: Data {
        body + Data("--\(boundary)--\r\n".utf8)
    }
}

/// Small but whole files of each accepted type, and files that only look like one.
public enum SampleFile {
    /// A 1×1 red PNG: signature, IHDR, IDAT, IEND with correct CRCs.
    public static let png = Data(
        base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC")!
    /// SOI, a 1×1 baseline frame header, a scan with a few bytes of data, EOI.
    public static let jpeg =
        Data([0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00])
        + Data([0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00]) + Data(repeating: 0x11, count: 16)
        + Data([0xFF, 0xD9])
    /// A RIFF/WEBP container whose size field matches, with one `VP8 ` chunk.
    public static let webp =
        Data("RIFF".utf8) + Data([0x24, 0, 0, 0]) + Data("WEBPVP8 ".utf8) + Data([0x18, 0, 0, 0])
        + Data(repeating: 0x22, count: 24)
    public static let pdf = Data("%PDF-1.7\n1 0 obj << >> endobj\nxref\n0 1\ntrailer << >>\nstartxref\n9\n%%EOF\n".utf8)
    public static let gif = Data("GIF89a".utf8) + Data(repeating: 0x33, count: 64)
    public static let text = Data("just some text pretending to be an image".utf8)
    /// The PNG signature and nothing else.
    public static let signatureOnly = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    /// A whole PNG with a script after its end.
    public static let pngWithScript = png + Data("<script>alert(1)</script>".utf8)
    /// A PNG one byte over the 5 MB limit.
    public static let oversizedPNG = png + Data(repeating: 0, count: 5 * 1024 * 1024 - png.count + 1)
}

extension TestApp {
    /// POSTs a multipart body.
    @discardableResult
    public func upload(_ path: String, _ form: Multipart, token: String?) async throws -> APIResponse {
        try await request(.POST, path, body: form.data, contentType: form.contentType, token: token)
    }
}
