import Foundation

extension String {
    /// Without leading and trailing whitespace and newlines.
    public var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}

extension TextRules {
    /// Tags as stored: trimmed, lower-cased, first occurrence kept; `field` must hold at most 20 of 1 to 30
    /// characters.
    public static func tags(_ raw: [String], field: String = "tags", into check: inout RuleCheck) -> [String] {
        let cleaned = raw.map { $0.trimmed.lowercased() }
        check.require(cleaned.count <= 20, "\(field) must have at most 20 entries")
        check.require(cleaned.allSatisfy { (1...30).contains($0.count) }, "each tag must be 1 to 30 characters")
        return cleaned.reduce(into: []) { unique, tag in if !unique.contains(tag) { unique.append(tag) } }
    }

    /// A required reason other people will read (cancellations): 1 to 500 characters, trimmed.
    public static func reason(_ raw: String?) throws -> String {
        let reason = raw?.trimmed ?? ""
        var check = RuleCheck()
        check.require(!reason.isEmpty, "reason is required")
        check.require(reason.count <= 500, "reason must be at most 500 characters")
        try check.throwIfBroken()
        return reason
    }
}

extension FieldRule {
    /// `TextRules.reason` as the OpenAPI document states it.
    public static let requiredReason = FieldRule.text(1...500).required

    /// `TextRules.tags` as the OpenAPI document states it.
    public static let tags = FieldRule.list(0...20, each: .text(1...30))
}
