import Foundation
import Platform

/// The rules of a template's own fields (name, description, category); its trip data follows the trip rules.
enum TemplateRules {
    static let defaultCategory = "general"
    static let nameLength = 3...100
    static let maxDescription = 1000
    static let categoryLength = 2...40

    /// A category as stored: trimmed, lower-cased, inner spaces as hyphens (`"Weekend Trips"` → `weekend-trips`),
    /// so two spellings of one category count together.
    static func category(_ raw: String, check: inout RuleCheck) -> String {
        let normalized = raw.trimmed.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: "-")
        let allowed = normalized.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "_" }
        check.require(
            categoryLength.contains(normalized.count) && allowed,
            "category must be 2 to 40 letters, digits, hyphens or underscores")
        return normalized
    }

    static func name(_ raw: String, check: inout RuleCheck) -> String {
        let name = raw.trimmed
        check.require(nameLength.contains(name.count), "name must be 3 to 100 characters")
        return name
    }

    /// nil clears the description.
    static func description(_ raw: String, check: inout RuleCheck) -> String? {
        let text = raw.trimmed
        check.require(text.count <= maxDescription, "description must be at most \(maxDescription) characters")
        return text.isEmpty ? nil : text
    }
}
