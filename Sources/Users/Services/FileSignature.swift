import Foundation

/// File types the platform accepts for uploads, recognised by their first bytes (the client's content type
/// is not trusted).
public enum FileSignature: String, Sendable, CaseIterable {
    case jpeg, png, webp, pdf

    public var contentType: String {
        switch self {
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .webp: "image/webp"
        case .pdf: "application/pdf"
        }
    }

    public var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        case .png: "png"
        case .webp: "webp"
        case .pdf: "pdf"
        }
    }

    /// The type `data` starts like, if any.
    public static func detect(_ data: Data) -> FileSignature? {
        let bytes = [UInt8](data.prefix(12))
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if bytes.count >= 12, bytes[0..<4].elementsEqual(Array("RIFF".utf8)),
            bytes[8..<12].elementsEqual(Array("WEBP".utf8))
        {
            return .webp
        }
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        return nil
    }
}
