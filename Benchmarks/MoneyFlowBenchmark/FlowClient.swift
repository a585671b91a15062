import BenchmarkSupport
import Foundation
import Vapor

/// The benchmark's HTTP client: requests to the application on its local port through Vapor's client
/// (AsyncHTTPClient, keep-alive connections), JSON in and out, with the status checked.
struct FlowClient: Sendable {
    let client: any Client
    let base: String

    init(app: Application, port: Int) {
        client = app.client
        base = "http://127.0.0.1:\(port)"
    }

    /// Signs in with the password and returns the access token.
    func signIn(email: String, password: String) async throws -> String {
        struct Tokens: Decodable {
            var accessToken: String
        }
        let tokens: Tokens = try await post(
            "/api/v1/auth/login", ["email": email, "password": password], token: nil, decoding: Tokens.self)
        return tokens.accessToken
    }

    /// `POST` of a JSON body; answers `data` of the envelope, or throws with the status and body of anything but
    /// 200.
    func post<Body: Encodable & Sendable, Answer: Decodable>(
        _ path: String, _ body: Body, token: String?, decoding: Answer.Type
    ) async throws -> Answer {
        let response = try await client.post(URI(string: base + path), headers: headers(token)) { request in
            try request.content.encode(body, as: .json)
        }
        return try Self.data(of: response, path: path, as: Answer.self)
    }

    /// `GET` that must answer 200; the body is not read.
    func get(_ path: String) async throws {
        let response = try await client.get(URI(string: base + path))
        guard response.status == .ok else { throw Self.failure(response, path: path) }
    }

    private func headers(_ token: String?) -> HTTPHeaders {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        return headers
    }

    private struct Envelope<Payload: Decodable>: Decodable {
        var data: Payload
    }

    private static func data<Answer: Decodable>(
        of response: ClientResponse, path: String, as type: Answer.Type
    ) throws -> Answer {
        guard response.status == .ok, let body = response.body else { throw failure(response, path: path) }
        return try JSONDecoder().decode(Envelope<Answer>.self, from: Data(buffer: body)).data
    }

    private static func failure(_ response: ClientResponse, path: String) -> BenchmarkError {
        BenchmarkError(
            "\(path) answered \(response.status.code): \(response.body.map { String(buffer: $0) } ?? "")")
    }
}
