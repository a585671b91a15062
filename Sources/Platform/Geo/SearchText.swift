import Foundation

/// The one normalisation applied to place names and to queries, so that both meet on the same keys.
enum SearchText {
    /// Letters that survive diacritic folding but have a customary ASCII spelling.
    private static let letterSpellings: [Character: String] = [
        "ø": "o", "æ": "ae", "ß": "ss", "ł": "l", "đ": "d", "ı": "i", "ð": "d", "þ": "th", "œ": "oe",
        "ħ": "h", "ə": "a",
    ]

    /// Abbreviations written both ways in place names ("St. Louis", "Saint Louis").
    private static let abbreviations: [String: String] = [
        "st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "sta": "santa",
    ]

    /// Words that say "an airport" rather than name one; queries containing them prefer airports.
    static let airportWords: Set<String> = [
        "airport", "airports", "international", "intl", "aeroport", "aeropuerto", "aeroporto", "flughafen",
        "lufthavn", "havalimani", "airfield", "aerodrome",
    ]

    /// Marks that join a word rather than separate two ("Xi'an", "N'Djamena", "O'Hare").
    private static let apostrophes: Set<Character> = ["'", "’", "ʻ", "`", "´"]

    /// Lowercased, diacritic-free, apostrophes dropped, other punctuation as spaces, abbreviations spelled out.
    static func normalize(_ text: String) -> String {
        tokens(text).joined(separator: " ")
    }

    /// The words of `normalize(text)`.
    static func tokens(_ text: String) -> [String] {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var cleaned = ""
        cleaned.reserveCapacity(folded.count)
        for character in folded {
            if apostrophes.contains(character) { continue }
            if let spelling = letterSpellings[character] {
                cleaned += spelling
            } else if character.isLetter || character.isNumber {
                // Folding leaves a few combining marks on Linux (e.g. Turkish "İ"); drop them.
                cleaned.unicodeScalars.append(contentsOf: character.unicodeScalars.filter { !isCombiningMark($0) })
            } else {
                cleaned += " "
            }
        }
        return cleaned.split(separator: " ").map { word in
            let word = String(word)
            return abbreviations[word] ?? word
        }
    }

    /// Whether a word carries digits, as house numbers and postal codes do.
    static func isNumeric(_ token: String) -> Bool {
        token.contains { $0.isNumber }
    }

    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}
