import Foundation
import Platform
import Testing

@testable import Auth

/// The password pattern `/openapi.json` states is a subset of `PasswordPolicy`: whatever it matches, the
/// policy accepts, so a client that follows the document is never refused for the password's shape.
@Suite("The documented password rule")
struct PasswordRuleTests {
    private func matches(_ text: String) throws -> Bool {
        let pattern = try #require(FieldRule.password.pattern)
        return try NSRegularExpression(pattern: pattern)
            .firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    @Test("what the pattern matches, the policy accepts")
    func patternWithinPolicy() throws {
        for password in ["Secur3!pw", "Aa1!Aa1!", "x-Y-9-zzzz", String(repeating: "Aa1!", count: 32)] {
            #expect(try matches(password), "\(password)")
            #expect(PasswordPolicy.problems(password: password, email: nil).isEmpty, "\(password)")
        }
    }

    @Test("what the policy refuses, the pattern refuses too")
    func policyRefusalsRefused() throws {
        let refused = [
            "Short1!", "alllower1!", "ALLUPPER1!", "NoDigits!!", "NoSymbol11",
            String(repeating: "Aa1!", count: 32) + "x",
        ]
        for password in refused {
            #expect(!PasswordPolicy.problems(password: password, email: nil).isEmpty, "\(password)")
            #expect(try !matches(password), "\(password)")
        }
    }
}
