import Foundation
import Platform

/// The password rules: at least 8 characters with upper case, lower case, a digit and a symbol, at most 128,
/// and not the e-mail address (or its local part).
enum PasswordPolicy {
    static func problems(password: String, email: String?, field: String = "password") -> [String] {
        var check = RuleCheck()
        check.require(password.count >= 8, "\(field) must be at least 8 characters")
        check.require(password.count <= 128, "\(field) must be at most 128 characters")
        check.require(password.contains(where: \.isUppercase), "\(field) must contain an upper-case letter")
        check.require(password.contains(where: \.isLowercase), "\(field) must contain a lower-case letter")
        check.require(password.contains(where: \.isNumber), "\(field) must contain a digit")
        check.require(
            password.contains(where: { !$0.isLetter && !$0.isNumber && !$0.isWhitespace }),
            "\(field) must contain a symbol")
        if let email {
            let lowered = password.lowercased()
            let normalized = TextRules.normalizedEmail(email)
            let localPart = normalized.split(separator: "@").first.map(String.init) ?? normalized
            check.require(
                lowered != normalized && !(localPart.count >= 4 && lowered.contains(localPart)),
                "\(field) must not contain your e-mail address")
        }
        return check.problems
    }
}

extension FieldRule {
    /// The policy as a pattern, narrowed to printable ASCII so code points and characters count alike. Not
    /// containing the e-mail address is a rule between two fields that a schema cannot state.
    static var password: FieldRule {
        FieldRule.matching(
            "^(?=.*[a-z])(?=.*[A-Z])(?=.*[0-9])(?=.*[!-/:-@\\[-`{-~])[!-~]{8,128}$"
        ).described("8 to 128 characters with an upper-case and a lower-case letter, a digit and a symbol")
    }
}
