import Vapor

extension Request {
    struct RequestIdKey: StorageKey {
        typealias Value = String
    }

    /// The id echoed in `X-Request-Id` and written in every log line of this request; set by the request-id
    /// middleware. The fallback, Vapor's own `id`, is the client's header as sent, so it is checked here too.
    public var requestId: String {
        get { storage[RequestIdKey.self] ?? RequestIdPolicy.accept(id) ?? "unassigned" }
        set { storage[RequestIdKey.self] = newValue }
    }
}

/// Accepts a client's `X-Request-Id` only when it is 1–128 characters of `[A-Za-z0-9._:-]`; the caller mints one else.
///
/// The id is echoed in a header, in error bodies and in every log line, so it must not be able to carry markup
/// (`<script>`), quotes that break a log parser, or spaces that fake a second field: the characters that
/// UUIDs, trace ids (`00-4bf9…-01`) and `host:pid:counter` styles need, and nothing else.
public enum RequestIdPolicy {
    public static let maximumLength = 128

    public static func accept(_ candidate: String?) -> String? {
        guard let candidate, (1...maximumLength).contains(candidate.utf8.count),
            candidate.utf8.allSatisfy(isAllowed)
        else { return nil }
        return candidate
    }

    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: ":"),
            UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }
}
