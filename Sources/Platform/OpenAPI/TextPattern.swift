/// Regular expressions (ECMA-262, as JSON Schema reads them) for the text rules every body shares.
public enum TextPattern {
    /// The control characters the strict JSON reader refuses in any string (all of C0 but tab, line feed and
    /// carriage return, and DEL), as a character-class body.
    static let refusedControls = "\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F"

    /// Any string without a refused control character.
    static let anyText = "^[^\(refusedControls)]*$"

    /// White space a trimmed field may carry around its text: narrower than `\s`, which also takes the vertical
    /// tab and form feed that the strict reader refuses.
    static let space = "[ \\t\\n\\r]"

    /// Text whose trimmed length is within `length`: white space on either side, then a visible first and
    /// last character with anything but a refused control between.
    static func trimmed(_ length: ClosedRange<Int>) -> String {
        let visible = "[^\\s\(refusedControls)]"
        let any = "[^\(refusedControls)]"
        let upper = max(length.upperBound - 2, 0)
        let core: String
        switch length.lowerBound {
        case _ where length.upperBound <= 1: core = length.lowerBound == 0 ? "\(visible)?" : visible
        case 0: core = "(?:\(visible)(?:\(any){0,\(upper)}\(visible))?)?"
        case 1: core = "\(visible)(?:\(any){0,\(upper)}\(visible))?"
        default: core = "\(visible)\(any){\(length.lowerBound - 2),\(upper)}\(visible)"
        }
        return "^\(space)*\(core)\(space)*$"
    }

    /// Where the document defines any JSON value free of refused control characters.
    static var cleanJSONReference: [String: Any] { ["$ref": "#/components/schemas/CleanJSON"] }

    /// Any JSON value whose strings and keys hold no refused control character: what a body may carry in
    /// fields a type does not read, and in free-form fields (preferences, metadata).
    public static var cleanJSONSchema: [String: Any] {
        [
            "anyOf": [
                ["type": "null"], ["type": "boolean"], ["type": "number"],
                ["type": "string", "pattern": anyText],
                ["type": "array", "items": cleanJSONReference],
                ["type": "object", "propertyNames": ["pattern": anyText], "additionalProperties": cleanJSONReference],
            ]
        ]
    }
}
