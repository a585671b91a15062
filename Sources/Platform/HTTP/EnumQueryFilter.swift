import Vapor

extension Request {
    /// `?name=` as one of `Value`'s cases, nil when absent or empty; any other value is a 422 that lists the
    /// cases, so the message can never fall behind the enum.
    public func filter<Value: RawRepresentable & CaseIterable>(
        _ name: String, as type: Value.Type
    ) throws -> Value? where Value.RawValue == String {
        var check = RuleCheck()
        let value = try filter(name, as: type, into: &check)
        try check.throwIfBroken()
        return value
    }

    /// The same, recording the problem in `check` so a route can report it with its other rules.
    public func filter<Value: RawRepresentable & CaseIterable>(
        _ name: String, as type: Value.Type, into check: inout RuleCheck
    ) throws -> Value? where Value.RawValue == String {
        guard let raw = try query.get(String?.self, at: name), !raw.isEmpty else { return nil }
        guard let value = Value(rawValue: raw) else {
            check.fail("\(name) must be one of \(Value.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return value
    }
}
