import Foundation
import Testing

extension TestApp {
    /// The code in the newest SMS written by the file SMS sender, after delivering queued jobs.
    public func latestSMSCode() async throws -> String? {
        try await runJobs()
        let directory = dataDirectory.appendingPathComponent("sms")
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
        guard let newest = files.last,
            let text = FileManager.default.contents(atPath: directory.appendingPathComponent(newest).path)
                .map({ String(decoding: $0, as: UTF8.self) })
        else { return nil }
        let pattern = try NSRegularExpression(pattern: "\\b\\d{6}\\b")
        guard let match = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let range = Range(match.range, in: text)
        else { return nil }
        return String(text[range])
    }
}
