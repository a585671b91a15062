import Foundation

/// The automatic first pass over a review's text. Clean reviews publish at once; a review whose comment holds
/// a link, contact details or abuse waits for a moderator and does not count until approved.
enum ReviewModeration {
    /// Words that hold a review back; deliberately short, a moderator makes the real call.
    static let heldWords: Set<String> = ["idiot", "scam", "scammer", "stupid", "thief", "fraud"]

    static func assess(_ comment: String?) -> (Review.Status, Review.Moderation, String?) {
        guard let comment, !comment.isEmpty else { return (.published, .approved, nil) }
        let lowered = comment.lowercased()
        if lowered.contains("http://") || lowered.contains("https://") || lowered.contains("www.") {
            return (.pending, .pending, "contains a link")
        }
        if lowered.contains("@") && lowered.contains(".") || lowered.filter(\.isNumber).count >= 8 {
            return (.pending, .pending, "may contain contact details")
        }
        let words = lowered.split(whereSeparator: { !$0.isLetter }).map(String.init)
        if words.contains(where: heldWords.contains) { return (.pending, .pending, "wording needs a moderator") }
        return (.published, .approved, nil)
    }
}
