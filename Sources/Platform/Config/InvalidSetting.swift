/// A configuration variable whose value cannot be used; `configure` stops the start with it rather than run
/// with a setting it would have to guess.
public struct InvalidSetting: Error, CustomStringConvertible, Sendable {
    public var variable: String
    public var value: String
    public var reason: String

    public init(_ variable: String, value: String, reason: String) {
        self.variable = variable
        self.value = value
        self.reason = reason
    }

    public var description: String { "\(variable)=\"\(value)\": \(reason)" }
}
