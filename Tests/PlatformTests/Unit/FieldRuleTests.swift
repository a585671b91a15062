import Foundation
import Platform
import Testing

/// The patterns `/openapi.json` states must accept and refuse what the validators do, or a client that
/// follows the document is refused (and a fuzzer finds it).
@Suite("Field rules as the document states them")
struct FieldRuleTests {
    private func matches(_ rule: FieldRule, _ text: String) throws -> Bool {
        let pattern = try #require(rule.pattern)
        let expression = try NSRegularExpression(pattern: pattern)
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    @Test("text(1...100) counts the trimmed text, as PersonRules.name does")
    func trimmedLength() throws {
        let name = FieldRule.text(1...100)
        #expect(try matches(name, "Ann"))
        #expect(try matches(name, "  Ann  "), "spaces around are trimmed, not counted")
        #expect(try matches(name, "A"))
        #expect(try matches(name, String(repeating: "a", count: 100)))
        #expect(try !matches(name, ""))
        #expect(try !matches(name, "   "))
        #expect(try !matches(name, String(repeating: "a", count: 101)))
        #expect(try !matches(name, "a\u{0001}b"), "control characters are refused everywhere")
        #expect(try matches(name, "two\nlines"), "line feeds are text")
    }

    @Test("text(3...5) and text(upTo:) keep their bounds")
    func bounds() throws {
        let short = FieldRule.text(3...5)
        #expect(try !matches(short, "ab"))
        #expect(try matches(short, " abc "))
        #expect(try matches(short, "a b c"))
        #expect(try !matches(short, "abcdef"))
        let optional = FieldRule.text(upTo: 3)
        #expect(try matches(optional, ""))
        #expect(try matches(optional, "  "))
        #expect(try matches(optional, "abc"))
        #expect(try !matches(optional, "abcd"))
    }

    @Test("a type's rules and a route's reach the recorded schema; unread fields must be clean JSON")
    func recordedSchema() throws {
        struct Note: Decodable, DocumentedFields {
            var title: String?
            var kind: String
            static var fieldRules: [String: FieldRule] { ["kind": .oneOf(["a", "b"])] }
        }
        let schema = SchemaRecorder.schema(
            for: Note.self, requiring: ["title"], rules: ["title": .text(1...10)])
        let properties = try #require(schema["properties"] as? [String: [String: Any]])
        #expect(properties["kind"]?["enum"] as? [String] == ["a", "b"])
        #expect(properties["title"]?["pattern"] as? String == FieldRule.text(1...10).pattern)
        #expect(Set(schema["required"] as? [String] ?? []) == ["kind", "title"])
        #expect((schema["additionalProperties"] as? [String: String])?["$ref"] == "#/components/schemas/CleanJSON")
    }
}
