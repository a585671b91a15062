import Foundation
import NIOCore
import Platform
import Testing
import Vapor
import VaporTesting

/// A running test application with helpers to call the API the way a client would.
public struct TestApp: Sendable {
    public let app: Application
    public let clock: ManualClock
    public let dataDirectory: URL

    /// Sends a request with an optional JSON body and bearer token.
    @discardableResult
    public func request(
        _ method: HTTPMethod, _ path: String, json: [String: Any]? = nil, token: String? = nil,
        headers extra: [String: String] = [:]
    ) async throws -> APIResponse {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        for (name, value) in extra { headers.replaceOrAdd(name: name, value: value) }
        var body: ByteBuffer?
        if let json {
            headers.contentType = .json
            body = ByteBuffer(data: try JSONSerialization.data(withJSONObject: json))
        }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: body)
        return APIResponse(
            status: response.status, headers: response.headers, body: Data(response.body.readableBytesView))
    }

    /// Sends a raw body (multipart uploads, malformed JSON).
    @discardableResult
    public func request(
        _ method: HTTPMethod, _ path: String, body: Data, contentType: String, token: String? = nil,
        headers extra: [String: String] = [:]
    ) async throws -> APIResponse {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        for (name, value) in extra { headers.replaceOrAdd(name: name, value: value) }
        headers.replaceOrAdd(name: .contentType, value: contentType)
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: ByteBuffer(data: body))
        return APIResponse(
            status: response.status, headers: response.headers, body: Data(response.body.readableBytesView))
    }

    /// Runs every background job that is due (mail delivery, event subscribers).
    public func runJobs() async throws {
        try await app.jobs.runDue(application: app)
    }

    public var mailbox: Mailbox {
        Mailbox(directory: dataDirectory.appendingPathComponent("mail"))
    }
}

/// A response with its body parsed as JSON.
public struct APIResponse: Sendable {
    public let status: HTTPResponseStatus
    public let headers: HTTPHeaders
    public let body: Data

    /// The whole body as a JSON object (empty when it is not one).
    public var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
    }

    /// `data` of the success envelope as an object.
    public var data: [String: Any] { json["data"] as? [String: Any] ?? [:] }

    /// `data` of the success envelope as a list.
    public var list: [[String: Any]] { json["data"] as? [[String: Any]] ?? [] }

    public var code: String? { json["code"] as? String }
    public var errors: [String] { json["errors"] as? [String] ?? [] }
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// A value at a dotted path in the body (`data.user.id`).
    public subscript(path: String) -> Any? {
        var current: Any? = json
        for key in path.split(separator: ".") {
            current = (current as? [String: Any])?[String(key)]
        }
        return current
    }

    public func string(_ path: String) -> String? { self[path] as? String }
}
