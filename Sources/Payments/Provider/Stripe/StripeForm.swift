import Foundation

/// A request body in the `application/x-www-form-urlencoded` form Stripe's API takes, nested keys spelled out
/// (`metadata[reference]`, `payment_method_types[]`).
///
/// The fields keep the order they are written in, so a body reads like the API reference; a key may repeat, as
/// list fields (`payment_method_types[]`) need.
struct StripeForm: Sendable, ExpressibleByDictionaryLiteral {
    private var fields: [(key: String, value: String)]

    init(dictionaryLiteral elements: (String, String)...) {
        fields = elements.map { (key: $0.0, value: $0.1) }
    }

    /// Adds `value` under `key` when there is one: an optional parameter is left out rather than sent empty.
    mutating func append(_ key: String, _ value: String?) {
        guard let value else { return }
        fields.append((key: key, value: value))
    }

    /// `key=value&…`, everything but RFC 3986's unreserved characters percent-encoded; brackets in keys stay
    /// literal, as Stripe's own libraries send them, so the body stays readable in a log of a test server.
    var encoded: String {
        fields.map { Self.escaped($0.key, keeping: Self.keyCharacters) + "=" + Self.escaped($0.value) }
            .joined(separator: "&")
    }

    /// `text` with everything but RFC 3986's unreserved characters percent-encoded as UTF-8.
    static func escaped(_ text: String) -> String {
        escaped(text, keeping: unreserved)
    }

    private static func escaped(_ text: String, keeping allowed: CharacterSet) -> String {
        // Every character has a percent-encoding, so this never falls back.
        text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
    private static let keyCharacters = unreserved.union(CharacterSet(charactersIn: "[]"))
}
