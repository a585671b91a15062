import Foundation

/// Reads the `.eml` files the file mail transport wrote.
public struct Mailbox: Sendable {
    public let directory: URL

    /// One delivered message, decoded.
    public struct Message: Sendable {
        public var to: String
        public var subject: String
        public var body: String
        public var raw: String
    }

    public var messages: [Message] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".eml") }.sorted().compactMap { name in
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) else {
                return nil
            }
            return Self.parse(String(decoding: data, as: UTF8.self))
        }
    }

    public func messages(to address: String) -> [Message] {
        messages.filter { $0.to == address }
    }

    /// The six-digit code in the newest message to `address` whose subject contains `subject`.
    public func latestCode(to address: String, subject: String = "") -> String? {
        guard let message = messages(to: address).last(where: { subject.isEmpty || $0.subject.contains(subject) })
        else {
            return nil
        }
        let pattern = try? NSRegularExpression(pattern: "\\b\\d{6}\\b")
        let range = NSRange(message.body.startIndex..., in: message.body)
        guard let match = pattern?.firstMatch(in: message.body, range: range),
            let swiftRange = Range(match.range, in: message.body)
        else { return nil }
        return String(message.body[swiftRange])
    }

    static func parse(_ raw: String) -> Message? {
        let normalized = raw.replacingOccurrences(of: "\r\n", with: "\n")
        guard let split = normalized.range(of: "\n\n") else { return nil }
        let headerLines = normalized[..<split.lowerBound].split(separator: "\n")
        var headers: [String: String] = [:]
        for line in headerLines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[String(line[..<colon]).lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        let encoded = normalized[split.upperBound...].replacingOccurrences(of: "\n", with: "")
        let body =
            Data(base64Encoded: encoded).map { String(decoding: $0, as: UTF8.self) }
            ?? String(normalized[split.upperBound...])
        return Message(to: headers["to"] ?? "", subject: headers["subject"] ?? "", body: body, raw: raw)
    }
}
