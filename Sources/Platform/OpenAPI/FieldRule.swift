/// What validation demands of one body field, stated for `/openapi.json`: lengths, ranges, formats, patterns,
/// allowed values and array sizes. A type lists its rules beside the code that enforces them (see
/// `DocumentedFields`), so a client reading the document learns the same rules the 422 would tell it.
public struct FieldRule: Sendable {
    /// The JSON type, where the rule says it (numbers); query parameters need it, body fields take theirs
    /// from the decoding type.
    public var type: String?
    public var minLength: Int?
    public var maxLength: Int?
    public var minimum: Double?
    public var maximum: Double?
    public var exclusiveMinimum: Double?
    public var pattern: String?
    public var format: String?
    public var allowed: [String]?
    /// The one value a boolean may take (consent must be `true`).
    public var onlyBoolean: Bool?
    public var minItems: Int?
    public var maxItems: Int?
    public var description: String?
    /// The field must be present (for types whose fields are all optional at decoding, such as a body that
    /// serves both creation and partial updates, the route names them instead).
    public var isRequired = false
    /// Rules for each element of an array field.
    public var items: [FieldRuleBox]?

    public init() {}

    /// Text of `length` characters once trimmed, as the validators count them (leading and trailing white
    /// space is allowed and not counted). Stated as a pattern, since `minLength` would count the spaces.
    public static func text(_ length: ClosedRange<Int>) -> FieldRule {
        var rule = FieldRule()
        rule.pattern = TextPattern.trimmed(length)
        rule.description = "\(length.lowerBound) to \(length.upperBound) characters once trimmed"
        return rule
    }

    /// Text of at most `length` characters once trimmed; empty is allowed.
    public static func text(upTo length: Int) -> FieldRule {
        var rule = FieldRule()
        rule.pattern = TextPattern.trimmed(0...length)
        rule.description = "at most \(length) characters once trimmed"
        return rule
    }

    /// Text of at most `length` characters, counted as sent (for validators that do not trim).
    public static func characters(upTo length: Int) -> FieldRule {
        var rule = FieldRule()
        rule.maxLength = length
        rule.pattern = TextPattern.anyText
        return rule
    }

    /// A number in `range`.
    public static func number(_ range: ClosedRange<Double>) -> FieldRule {
        var rule = FieldRule()
        rule.type = "number"
        rule.minimum = range.lowerBound
        rule.maximum = range.upperBound
        return rule
    }

    /// A number above `lower` (exclusive) and at most `upper`.
    public static func number(above lower: Double, upTo upper: Double) -> FieldRule {
        var rule = FieldRule()
        rule.type = "number"
        rule.exclusiveMinimum = lower
        rule.maximum = upper
        return rule
    }

    /// A whole number in `range`.
    public static func integer(_ range: ClosedRange<Int64>) -> FieldRule {
        var rule = number(Double(range.lowerBound)...Double(range.upperBound))
        rule.type = "integer"
        return rule
    }

    /// One of `values`.
    public static func oneOf(_ values: [String]) -> FieldRule {
        var rule = FieldRule()
        rule.allowed = values
        return rule
    }

    /// One of an enum's raw values.
    public static func oneOf<E: CaseIterable & RawRepresentable>(_ type: E.Type) -> FieldRule
    where E.RawValue == String {
        oneOf(type.allCases.map(\.rawValue))
    }

    /// A query filter read with `Request.filter(_:as:)`: one of an enum's raw values, or empty for no filter
    /// (as an HTML form's "any" option sends it).
    public static func filter<E: CaseIterable & RawRepresentable>(_ type: E.Type) -> FieldRule
    where E.RawValue == String {
        oneOf([""] + type.allCases.map(\.rawValue))
    }

    /// A boolean that is accepted only as `true`.
    public static var isTrue: FieldRule { only(true) }

    /// A boolean that is accepted only as `value`.
    public static func only(_ value: Bool) -> FieldRule {
        var rule = FieldRule()
        rule.onlyBoolean = value
        return rule
    }

    /// A string of a JSON Schema `format` (`email`, `date`, `date-time`, `uuid`…).
    public static func format(_ name: String) -> FieldRule {
        var rule = FieldRule()
        rule.format = name
        return rule
    }

    /// A string matching `pattern` (ECMA-262, anchored by the caller where it must be).
    public static func matching(_ pattern: String) -> FieldRule {
        var rule = FieldRule()
        rule.pattern = pattern
        return rule
    }

    /// Text that matches `core` once trimmed (a core without anchors). The white space around it is the kind the
    /// strict reader lets through, not `\s`, which also takes the vertical tab and form feed it refuses.
    public static func trimmedMatching(_ core: String) -> FieldRule {
        matching("^\(TextPattern.space)*\(core)\(TextPattern.space)*$")
    }

    /// An array of `count` elements, each following `element` when given.
    public static func list(_ count: ClosedRange<Int>, each element: FieldRule? = nil) -> FieldRule {
        var rule = FieldRule()
        rule.minItems = count.lowerBound
        rule.maxItems = count.upperBound
        rule.items = element.map { [FieldRuleBox($0)] }
        return rule
    }

    /// The rule, for a field that must be present.
    public var required: FieldRule {
        var rule = self
        rule.isRequired = true
        return rule
    }

    /// The rule with a sentence for readers (a rule the schema cannot state, such as "in the future").
    public func described(_ text: String) -> FieldRule {
        var rule = self
        rule.description = text
        return rule
    }

    /// The schema of a query parameter following this rule. Query text is not read by the strict JSON reader,
    /// so it carries no control-character pattern of its own.
    public var querySchema: [String: Any] {
        var schema = keywords
        schema["type"] = type ?? "string"
        return schema
    }

    /// The JSON Schema keywords of this rule.
    var keywords: [String: Any] {
        var schema: [String: Any] = [:]
        if let minLength { schema["minLength"] = minLength }
        if let maxLength { schema["maxLength"] = maxLength }
        if let minimum { schema["minimum"] = minimum }
        if let maximum { schema["maximum"] = maximum }
        if let exclusiveMinimum { schema["exclusiveMinimum"] = exclusiveMinimum }
        if let pattern { schema["pattern"] = pattern }
        if let format { schema["format"] = format }
        if let allowed { schema["enum"] = allowed }
        if let onlyBoolean { schema["enum"] = [onlyBoolean] }
        if let minItems { schema["minItems"] = minItems }
        if let maxItems { schema["maxItems"] = maxItems }
        if let description { schema["description"] = description }
        return schema
    }
}

/// Indirection so a rule can hold the rule of its array's elements.
public final class FieldRuleBox: Sendable {
    public let rule: FieldRule
    public init(_ rule: FieldRule) { self.rule = rule }
}

/// A body type that states its validation rules for the OpenAPI document, keyed by JSON field name. Nested
/// types state their own, so a rule is written once wherever the type is used.
public protocol DocumentedFields {
    static var fieldRules: [String: FieldRule] { get }
}
