import Vapor

extension Request {
    struct RequestIdKey: StorageKey {
        typealias Value = String
    }

    /// The id echoed in `X-Request-Id` and written in every log line of this request.
    public var requestId: String {
        get { storage[RequestIdKey.self] ?? id }
        set { storage[RequestIdKey.self] = newValue }
    }
}

/// Accepts a client's `X-Request-Id` when it is short and printable, otherwise mints one.
public enum RequestIdPolicy {
    public static func accept(_ candidate: String?) -> String? {
        guard let candidate, (1...128).contains(candidate.count),
            candidate.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 32 && $0.value < 127 })
        else { return nil }
        return candidate
    }
}
