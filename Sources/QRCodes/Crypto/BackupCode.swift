import Crypto
import Foundation

/// The human fallback of a handoff code, `XXX-XXX-XXX-XXX`, typed in where a camera cannot scan.
///
/// It is derived from the code's id and nonce with an HMAC under the QR key, so the server can show it again to
/// the person who holds the code without storing it in the clear; the database keeps only its keyed hash, which
/// is what a typed code is looked up and checked by. Twelve characters from a 32-letter alphabet without
/// look-alikes (no 0/O, 1/I), each picked by the low five bits of one HMAC byte so that every letter is equally
/// likely, carry 60 bits: guessing one is out of reach at the scan rate limit.
public enum BackupCode {
    static let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    /// The code for a QR code, grouped for reading out loud.
    public static func derive(qrCodeId: UUID, nonce: String, key: SymmetricKey) -> String {
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data("backup:\(qrCodeId.uuidString.lowercased()):\(nonce)".utf8), using: key)
        let letters = Array(mac).prefix(12).map { alphabet[Int($0 & 31)] }
        return stride(from: 0, to: 12, by: 3).map { String(letters[$0..<$0 + 3]) }.joined(separator: "-")
    }

    /// What is compared: upper case, without separators or white space (`abc def-ghj kmn` reads as typed).
    public static func normalise(_ typed: String) -> String? {
        let kept = typed.uppercased().filter { !$0.isWhitespace && $0 != "-" }
        guard kept.count == 12, kept.allSatisfy({ alphabet.contains($0) }) else { return nil }
        return String(kept)
    }
}
