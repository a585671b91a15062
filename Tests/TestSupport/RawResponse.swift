import Foundation
import NIOCore

/// An HTTP/1.1 response as it came off the wire.
public struct RawResponse: Sendable {
    public let statusLine: String
    public let headers: [(name: String, value: String)]
    public let body: String

    /// The status code from the status line (`HTTP/1.1 405 Method Not Allowed` → 405).
    public var status: Int? {
        statusLine.split(separator: " ").dropFirst().first.flatMap { Int($0) }
    }

    /// The first value of a header, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// Removes one complete response from the front of `buffer`, or leaves it alone when more bytes are needed.
    static func take(from buffer: inout ByteBuffer) -> RawResponse? {
        let text = String(buffer: buffer)
        guard let headEnd = text.range(of: "\r\n\r\n") else { return nil }
        let lines = text[..<headEnd.lowerBound].components(separatedBy: "\r\n")
        let headers = lines.dropFirst().compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let length =
            headers.first { $0.name.lowercased() == "content-length" }.flatMap { Int($0.value) } ?? 0
        let headBytes = text[..<headEnd.upperBound].utf8.count
        guard buffer.readableBytes >= headBytes + length else { return nil }
        buffer.moveReaderIndex(forwardBy: headBytes)
        let body = buffer.readString(length: length) ?? ""
        buffer.discardReadBytes()
        return RawResponse(statusLine: lines.first ?? "", headers: headers, body: body)
    }
}
