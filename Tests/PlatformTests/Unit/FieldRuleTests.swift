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

    @Test("white space around trimmed text excludes the vertical tab and form feed the reader refuses")
    func surroundingSpace() throws {
        let reason = FieldRule.text(1...500)
        #expect(try matches(reason, "\n\tok \r"))
        #expect(try !matches(reason, "\u{000B}ok"))
        #expect(try !matches(reason, "\u{000C}ok"))
        let country = FieldRule.trimmedMatching("[A-Za-z]{2}")
        #expect(try matches(country, " fr\n"))
        #expect(try !matches(country, "\u{000C}\nfr"))
        #expect(try !matches(country, "fra"))
    }

    @Test("the person rules accept what PersonRules and TextRules accept, and refuse what they refuse")
    func personRules() throws {
        for email in ["ann@example.com", "a.b+c@mail.example.fr", "élodie@exemple.fr"] {
            #expect(try matches(.email, email), "\(email)")
            #expect(TextRules.isEmail(email))
        }
        for email in ["", "ann", "ann@example", "ann@-example.com", "ann@example.c", "a b@example.com", "a@@b.cc"] {
            #expect(try !matches(.email, email), "\(email)")
            #expect(!TextRules.isEmail(email), "\(email)")
        }
        for tag in ["en", "pt-BR", "zh-Hant"] {
            #expect(try matches(.languageTag, tag))
            #expect(PersonRules.isLanguageTag(tag))
        }
        for tag in ["e", "-en", "en-", "en_GB", "ça", "abcdefghi"] {
            #expect(try !matches(.languageTag, tag), "\(tag)")
            #expect(!PersonRules.isLanguageTag(tag), "\(tag)")
        }
        #expect(try matches(.phoneNumber, "+33612345678"))
        #expect(try !matches(.phoneNumber, "0612345678"))
        #expect(try matches(FieldRule.phoneNumber.orEmpty, ""))
        #expect(try !matches(FieldRule.phoneNumber.orEmpty, "+"))
        let zones = try #require(FieldRule.timezone.allowed)
        #expect(zones.contains("Europe/Paris"))
        #expect(zones.allSatisfy { TimeZone(identifier: $0) != nil })
        let currencies = try #require(FieldRule.currency.allowed)
        #expect(currencies.contains("EUR"))
        #expect(currencies.allSatisfy { Currency(code: $0)?.code == $0 })
    }

    @Test("a query filter takes one of the enum's values or nothing, as Request.filter reads it")
    func queryFilter() {
        enum Colour: String, CaseIterable { case red, blue }
        #expect(FieldRule.filter(Colour.self).querySchema["enum"] as? [String] == ["", "red", "blue"])
        #expect(FieldRule.oneOf(Colour.self).querySchema["enum"] as? [String] == ["red", "blue"])
    }

    @Test("optional fields also take null; required ones do not")
    func nullableOptionals() throws {
        struct Note: Decodable {
            var title: String
            var kind: String?
            var count: Int?
        }
        let schema = SchemaRecorder.schema(for: Note.self, rules: ["kind": .oneOf(["a", "b"])])
        let properties = try #require(schema["properties"] as? [String: [String: Any]])
        #expect(properties["title"]?["type"] as? String == "string")
        #expect(properties["count"]?["type"] as? [String] == ["integer", "null"])
        #expect(properties["kind"]?["type"] as? [String] == ["string", "null"])
        let kinds = try #require(properties["kind"]?["enum"] as? [Any])
        #expect(kinds.count == 3 && kinds.last is NSNull)
    }

    @Test("a query parameter's schema carries its type, bounds and whether it is required")
    func queryParameter() {
        let latitude = FieldRule.number(-90...90).required
        #expect(latitude.isRequired)
        #expect(latitude.querySchema["type"] as? String == "number")
        #expect(latitude.querySchema["minimum"] as? Double == -90)
        #expect(FieldRule.integer(1...20).querySchema["type"] as? String == "integer")
        #expect(FieldRule.text(upTo: 100).querySchema["type"] as? String == "string")
    }
}
