import Foundation

/// A secret that lives in a file of the data directory, generated on first start.
///
/// Files are written with mode 0600 so only the service account can read them.
public enum KeyFile {
    /// Returns the file's contents, creating it with `generate()` when it does not exist yet.
    public static func loadOrCreate(at url: URL, generate: () throws -> Data) throws -> Data {
        let manager = FileManager.default
        if let existing = manager.contents(atPath: url.path), !existing.isEmpty {
            return existing
        }
        try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let fresh = try generate()
        try write(fresh, to: url)
        return fresh
    }

    /// Writes a secret atomically with owner-only permissions.
    public static func write(_ data: Data, to url: URL) throws {
        try data.write(to: url, options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
    }
}
