import Foundation
import Vapor

/// The `ContentDecoder` for every JSON request body: `StrictJSONScanner` first, then `JSONDecoder`.
///
/// Installed for `application/json` in `configure`, so no controller can forget it. A malformed body is a 400
/// `INVALID_REQUEST_BODY` naming the problem; a control character in a string is a 422 `VALIDATION_ERROR`
/// naming the field. Dates decoded directly as `Date` go through `ISOTimestamp`, which refuses days that do
/// not exist instead of rolling them into the next month.
public struct StrictJSONDecoder: ContentDecoder {
    private let decoder: JSONDecoder

    public init() {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = ISOTimestamp.parse(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "not an ISO-8601 timestamp of a day that exists")
            }
            return date
        }
        self.decoder = decoder
    }

    public func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders) throws -> D {
        try decode(D.self, from: body, headers: headers, userInfo: [:])
    }

    public func decode<D: Decodable>(
        _ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders, userInfo: [CodingUserInfoKey: any Sendable]
    ) throws -> D {
        switch StrictJSONScanner.scan(body.readableBytesView) {
        case .valid:
            return try decoder.decode(D.self, from: body, headers: headers, userInfo: userInfo)
        case .malformed(let problem):
            throw APIError(
                .badRequest, code: "INVALID_REQUEST_BODY", reason: "The request could not be read", details: [problem])
        case .controlCharacter(let field):
            throw APIError.validation(["\(field) must not contain control characters"])
        }
    }
}
