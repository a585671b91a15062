import MultipartKit
import Platform
import Vapor

/// The multipart decoder, behind a check of the part headers. MultipartKit 4.7 looks each byte of a header
/// name up in a 128-entry table, so one byte of 0x80 or above there (`--b\r\nÍ…`) ends the process on an
/// index out of range: anyone could stop the server with one upload. Such a body is refused as unreadable.
struct GuardedFormDataDecoder: ContentDecoder {
    private let decoder = FormDataDecoder()

    func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders) throws -> D {
        try decode(D.self, from: body, headers: headers, userInfo: [:])
    }

    func decode<D: Decodable>(
        _ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders, userInfo: [CodingUserInfoKey: any Sendable]
    ) throws -> D {
        if let boundary = headers.contentType?.parameters["boundary"],
            !MultipartHeaderNames.areASCII(Array(body.readableBytesView), boundary: Array(boundary.utf8))
        {
            throw APIError(
                .badRequest, code: "INVALID_REQUEST_BODY", reason: "The request could not be read",
                details: ["a multipart/form-data part header name is not ASCII"])
        }
        return try decoder.decode(D.self, from: body, headers: headers, userInfo: userInfo)
    }
}

/// Finds the header names of a multipart body's parts the way the parser reads them: after each delimiter line
/// (`--boundary` at the start or after CRLF), header lines until an empty one, each name up to its colon.
enum MultipartHeaderNames {
    static func areASCII(_ body: [UInt8], boundary: [UInt8]) -> Bool {
        let delimiter = Array("--".utf8) + boundary
        var index = 0
        while let start = find(delimiter, in: body, from: index) {
            var cursor = start + delimiter.count
            index = cursor
            guard !(starts(with: Array("--".utf8), in: body, at: cursor)) else { continue }
            // The rest of the delimiter line.
            while cursor < body.count, body[cursor] != 10 { cursor += 1 }
            cursor += 1
            // Header lines until an empty one; in each, the name runs to the colon or the line's end.
            while cursor < body.count, body[cursor] != 13, body[cursor] != 10 {
                while cursor < body.count, body[cursor] != 58, body[cursor] != 13, body[cursor] != 10 {
                    if body[cursor] >= 0x80 { return false }
                    cursor += 1
                }
                while cursor < body.count, body[cursor] != 10 { cursor += 1 }
                cursor += 1
            }
            index = max(index, cursor)
        }
        return true
    }

    /// The next delimiter at `from` or later that starts the body or follows a line break.
    private static func find(_ needle: [UInt8], in body: [UInt8], from: Int) -> Int? {
        var index = from
        while index + needle.count <= body.count {
            if body[index] == needle[0], index == 0 || body[index - 1] == 10, starts(with: needle, in: body, at: index)
            {
                return index
            }
            index += 1
        }
        return nil
    }

    private static func starts(with prefix: [UInt8], in body: [UInt8], at index: Int) -> Bool {
        guard index + prefix.count <= body.count else { return false }
        for offset in prefix.indices where body[index + offset] != prefix[offset] { return false }
        return true
    }
}
