import Crypto
import Foundation
import Platform
import QRCodes
import Testing

/// The sealed payload and the backup code, without a database.
@Suite("Sealed handoff payloads and backup codes")
struct QRSealerTests {
    let keys = QRKeys(key: SymmetricKey(size: .bits256))
    let payload = QRPayload(
        qrCodeId: UUID(), deliveryId: UUID(), type: .pickup, nonce: "n0nce",
        expiresAt: Date(timeIntervalSince1970: 2e9),
        level: .standard)

    @Test("a sealed payload opens to exactly what was sealed, and never reads the same twice")
    func roundTrip() throws {
        let sealed = try keys.sealer.seal(payload)
        #expect(sealed.hasPrefix("P2PQR1."))
        #expect(try keys.sealer.open(sealed) == payload)
        #expect(try keys.sealer.seal(payload) != sealed)
        #expect(!sealed.contains(payload.qid.uuidString.lowercased()))
    }

    @Test("one changed character, another key or a foreign text does not open")
    func refusals() throws {
        let sealed = try keys.sealer.seal(payload)
        var bytes = Array(sealed)
        let index = bytes.count - 5
        bytes[index] = bytes[index] == "A" ? "B" : "A"
        #expect(throws: QRSealer.OpenError.tampered) { try keys.sealer.open(String(bytes)) }
        let other = QRKeys(key: SymmetricKey(size: .bits256))
        #expect(throws: QRSealer.OpenError.tampered) { try other.sealer.open(sealed) }
        #expect(throws: QRSealer.OpenError.foreign) { try keys.sealer.open("https://example.com/pay") }
        #expect(throws: QRSealer.OpenError.tampered) { try keys.sealer.open("P2PQR1.not*base64") }
    }

    @Test("a backup code is XXX-XXX-XXX-XXX from the unambiguous alphabet, stable per code, read as typed")
    func backupCode() throws {
        let id = UUID()
        let code = BackupCode.derive(qrCodeId: id, nonce: "abc", key: keys.backupKey)
        #expect(code.range(of: "^[A-HJ-NP-Z2-9]{3}(-[A-HJ-NP-Z2-9]{3}){3}$", options: .regularExpression) != nil)
        #expect(BackupCode.derive(qrCodeId: id, nonce: "abc", key: keys.backupKey) == code)
        #expect(BackupCode.derive(qrCodeId: id, nonce: "abd", key: keys.backupKey) != code)
        let typed = " " + code.lowercased().replacingOccurrences(of: "-", with: " ") + " "
        #expect(BackupCode.normalise(typed) == code.replacingOccurrences(of: "-", with: ""))
        #expect(BackupCode.normalise("ABC-DEF-GHI-JK0") == nil)
        #expect(BackupCode.normalise("ABC-DEF") == nil)
    }
}
