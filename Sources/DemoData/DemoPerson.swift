import Foundation
import Platform

/// A member to seed: an active account with a verified e-mail address.
public struct DemoPerson: Sendable {
    public var id: UUID
    public var email: String
    public var firstName: String
    public var lastName: String
    public var userType: UserType
    public var phoneNumber: String
    public var referralCode: String
    public var preferredCurrency: String
    /// Average rating and how many ratings, for travelers with a history.
    public var rating: (average: Double, count: Int)?

    /// A person with a name drawn from `PersonNames`; `index` keeps e-mail addresses and referral codes unique
    /// within one data set, `tag` (the e-mail domain's first label) across data sets.
    public static func make(
        index: Int, userType: UserType, tag: String, city: DemoCity?, rated: Bool,
        using generator: inout SeededGenerator
    ) -> DemoPerson {
        let first = generator.pick(PersonNames.first)
        let last = generator.pick(PersonNames.last)
        let local = "\(first).\(last)".folding(options: [.diacriticInsensitive], locale: nil).lowercased()
            .filter { $0.isLetter || $0 == "." }
        let count = Int.random(in: 1...60, using: &generator)
        return DemoPerson(
            id: generator.uuid(), email: "\(local).\(index)@\(tag).example.com", firstName: first, lastName: last,
            userType: userType, phoneNumber: "+4477009\(String(format: "%05d", index % 100_000))",
            referralCode: referralCode(index: index, tag: tag),
            preferredCurrency: city.map { LocalPricing.currency(for: $0.countryCode) } ?? "EUR",
            rating: rated ? ((generator.double(in: 3.6...5) * 10).rounded() / 10, count) : nil)
    }

    /// Eight characters of Crockford's base 32 from the tag and the index: unique per (tag, index), and of the
    /// same alphabet as the codes registration hands out.
    static func referralCode(index: Int, tag: String) -> String {
        let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        var value = UInt64(truncatingIfNeeded: tag.unicodeScalars.reduce(UInt64(7)) { $0 &* 31 &+ UInt64($1.value) })
        value = (value % 1_000) << 30 | UInt64(index)
        return String((0..<8).reversed().map { alphabet[Int((value >> UInt64($0 * 5)) & 31)] })
    }
}
