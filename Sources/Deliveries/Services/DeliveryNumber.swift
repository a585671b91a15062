import Foundation

/// Human-friendly delivery numbers (and dispute case numbers, `DSP-`): `DLV-` and eight characters of Crockford's base 32 (no I, L, O or U, so
/// nothing reads as another character over the phone), about 10¹² possibilities; the unique index has the
/// last word.
enum DeliveryNumber {
    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    static func make(prefix: String = "DLV") -> String {
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<8).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] }
        return "\(prefix)-\(String(characters[0..<4]))-\(String(characters[4..<8]))"
    }
}
