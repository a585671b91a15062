import Foundation
import Platform
import Vapor

/// What an uploaded file may be: at most 5 MB, of a type recognised by its bytes and whole (`FileStructure`).
public enum UploadRules {
    public static let maxBytes = 5 * 1024 * 1024
    public static let images: [FileSignature] = [.jpeg, .png, .webp]
    public static let documents: [FileSignature] = [.jpeg, .png, .webp, .pdf]

    /// A file that passed the rules.
    public struct Checked: Sendable {
        public var data: Data
        public var signature: FileSignature
    }

    /// Checks the file sent in form field `field`.
    public static func check(_ file: File, field: String, allowed: [FileSignature]) throws -> Checked {
        let size = file.data.readableBytes
        guard size <= maxBytes else { throw UsersError.fileTooLarge(field: field, maxBytes: maxBytes) }
        let data = Data(file.data.readableBytesView)
        guard let signature = FileSignature.detect(data), allowed.contains(signature),
            FileStructure.isWhole(data, as: signature)
        else {
            throw UsersError.unsupportedFileType(field: field, allowed: allowed.map(\.contentType))
        }
        return Checked(data: data, signature: signature)
    }

    /// A fresh storage key under `folder/<userId>/`; never derived from the client's file name.
    public static func key(folder: String, userId: UUID, signature: FileSignature) -> String {
        "\(folder)/\(userId.uuidString.lowercased())/\(UUID().uuidString.lowercased()).\(signature.fileExtension)"
    }
}
