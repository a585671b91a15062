import Foundation
import Platform

/// Validation of address fields, shared by saving and by `POST /users/validate-address`.
enum AddressRules {
    static let maxAddressesPerUser = 20

    /// Every broken rule of `input`; `creating` makes `street`, `city` and `country` required.
    static func problems(_ input: AddressInput, creating: Bool) -> [String] {
        var check = RuleCheck()
        if let type = input.type {
            check.require(
                UserAddress.Kind(rawValue: type) != nil,
                "type must be one of \(UserAddress.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        text(input.street, "street", 1...200, required: creating, &check)
        text(input.city, "city", 1...100, required: creating, &check)
        text(input.state, "state", 0...100, required: false, &check)
        text(input.postalCode, "postalCode", 0...20, required: false, &check)
        text(input.label, "label", 0...50, required: false, &check)
        text(input.instructions, "instructions", 0...500, required: false, &check)
        if let country = input.country {
            check.require(isCountryCode(country), "country must be an ISO 3166-1 alpha-2 code such as FR")
        } else if creating {
            check.fail("country is required")
        }
        if let point = input.coordinates {
            check.require(point.isValid, "coordinates must have lat in -90…90 and lng in -180…180")
        }
        return check.problems
    }

    /// `fr` and `FR` are the same country.
    static func isCountryCode(_ text: String) -> Bool {
        let trimmed = text.trimmed
        return trimmed.count == 2 && trimmed.allSatisfy { $0.isASCII && $0.isLetter }
    }

    /// The text the geocoder is asked about: the parts that narrow the place down, most specific first.
    static func geocodingQuery(
        street: String?, city: String, state: String?, postalCode: String?, country: String
    ) -> String {
        [street, postalCode.map { "\($0) \(city)" } ?? city, state, country].compactMap { $0 }
            .filter { !$0.isEmpty }.joined(separator: ", ")
    }

    private static func text(
        _ value: String?, _ name: String, _ length: ClosedRange<Int>, required: Bool, _ check: inout RuleCheck
    ) {
        guard let value else {
            if required { check.fail("\(name) is required") }
            return
        }
        let count = value.trimmed.count
        if length.lowerBound > 0 {
            check.require(
                length.contains(count), "\(name) must be \(length.lowerBound) to \(length.upperBound) characters")
        } else {
            check.require(count <= length.upperBound, "\(name) must be at most \(length.upperBound) characters")
        }
    }
}
