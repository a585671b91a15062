/// What `StrictJSONScanner` found in a request body.
public enum StrictJSONVerdict: Equatable, Sendable {
    /// RFC 8259 JSON that also keeps the platform's rules.
    case valid
    /// Not a body the API reads (400): a syntax error, a trailing comma, a duplicate key, a byte-order mark,
    /// nesting deeper than the scanner follows. The text says what and where.
    case malformed(String)
    /// A string value holding a control character (422), at a field path such as `firstName`,
    /// `pickup.contactName` or `items[0].name` (`body` for a top-level string).
    case controlCharacter(field: String)
}
