import Crypto
import Fluent
import Vapor

/// Honours `Idempotency-Key` on the routes it wraps (money- and delivery-creating POSTs).
///
/// Same key and same request → the first response again (with `Idempotent-Replayed: true`); same key and a
/// different request → 409 `IDEMPOTENCY_KEY_REUSED`; a retry while the first is still running → 409
/// `IDEMPOTENCY_REQUEST_IN_PROGRESS`. Server errors and thrown errors forget the key so the client can retry.
public struct IdempotencyMiddleware: AsyncMiddleware {
    /// How long a key is remembered.
    public static let retention: TimeInterval = 24 * 3600

    public init() {}

    public func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let key = req.headers.first(name: "Idempotency-Key") else {
            return try await next.respond(to: req)
        }
        guard (1...255).contains(key.count) else {
            throw APIError.badRequest("Idempotency-Key must be 1 to 255 characters")
        }
        let scope = req.auth.get(Principal.self)?.userId.uuidString ?? "ip:\(req.clientIP ?? "unknown")"
        let hash = requestHash(req)
        if let existing = try await find(scope: scope, key: key, on: req.db) {
            return try replay(existing, hash: hash)
        }
        let record = IdempotencyRecord(
            scope: scope, key: key, requestHash: hash, createdAt: req.now,
            expiresAt: req.now.addingTimeInterval(Self.retention))
        do {
            try await record.create(on: req.db)
        } catch {
            // Lost a race with an identical key: answer as the winner's retry would be answered.
            guard let existing = try await find(scope: scope, key: key, on: req.db) else { throw error }
            return try replay(existing, hash: hash)
        }
        let response: Response
        do {
            response = try await next.respond(to: req)
        } catch {
            try? await record.delete(on: req.db)
            throw error
        }
        if response.status.code >= 500 {
            try? await record.delete(on: req.db)
            return response
        }
        record.completed = true
        record.responseStatus = Int(response.status.code)
        record.responseBody = response.body.string
        record.responseContentType = response.headers.contentType?.serialize()
        try await record.save(on: req.db)
        return response
    }

    private func find(scope: String, key: String, on db: any Database) async throws -> IdempotencyRecord? {
        try await IdempotencyRecord.query(on: db).filter(\.$scope == scope).filter(\.$key == key).first()
    }

    private func replay(_ record: IdempotencyRecord, hash: String) throws -> Response {
        guard record.requestHash == hash else {
            throw APIError.conflict(
                "This Idempotency-Key was used with a different request", code: "IDEMPOTENCY_KEY_REUSED")
        }
        guard record.completed, let status = record.responseStatus else {
            throw APIError.conflict(
                "A request with this Idempotency-Key is still being processed",
                code: "IDEMPOTENCY_REQUEST_IN_PROGRESS")
        }
        var headers = HTTPHeaders()
        if let type = record.responseContentType { headers.replaceOrAdd(name: .contentType, value: type) }
        headers.replaceOrAdd(name: "Idempotent-Replayed", value: "true")
        return Response(
            status: HTTPResponseStatus(statusCode: status), headers: headers,
            body: .init(string: record.responseBody ?? ""))
    }

    private func requestHash(_ req: Request) -> String {
        var hasher = SHA256()
        hasher.update(data: Data("\(req.method.rawValue) \(req.url.path)\n".utf8))
        if let body = req.body.data {
            hasher.update(data: Self.canonical(Data(body.readableBytesView), type: req.headers.contentType))
        }
        return hasher.finalize().hexString
    }

    /// JSON with its keys sorted, so a client that serializes the same object in another key order still
    /// matches its first request; other bodies as they are.
    static func canonical(_ body: Data, type: HTTPMediaType?) -> Data {
        guard type == .json, let object = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]),
            let sorted = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .fragmentsAllowed])
        else { return body }
        return sorted
    }
}
