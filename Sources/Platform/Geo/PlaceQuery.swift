import Foundation

/// A free-form query taken apart: the comma segments that may name a place, the country and regions it
/// mentions, and whether it asks for an airport. "10 Rue de Rivoli, 75001 Paris, France" gives name segments
/// "rue de rivoli" and "paris" and country FR; "Tokyo Japan" gives "tokyo" and JP.
struct PlaceQuery {
    struct Segment {
        /// Normalised words that may form a name: no numbers, no "airport" words, no trailing country or region.
        let words: [String]
        /// Three-letter words typed in capitals, candidates for IATA codes ("JFK Terminal 4").
        let capitalCodes: [String]
        /// The whole segment is three letters ("jfk", "LHR"); `typedInCapitals` tells which.
        let bareCode: String?
        let typedInCapitals: Bool
        /// The segment only names the country ("…, France"), so it is context rather than a place. Segments naming a
        /// region stay places too: "Hamburg" is a city and a state, "Brooklyn, New York" means the city.
        let namesCountry: Bool
    }

    let segments: [Segment]
    let countryCode: String?
    /// Normalised names of regions the query mentions ("texas" for "Austin, TX").
    let regions: Set<String>
    let wantsAirport: Bool

    init(_ text: String, directory: PlaceDirectory) {
        let raw = text.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isNewline })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        var wantsAirport = false
        var words: [[String]] = raw.map { segment in
            let tokens = SearchText.tokens(segment)
            if tokens.contains(where: SearchText.airportWords.contains) { wantsAirport = true }
            return tokens.filter { !SearchText.airportWords.contains($0) && !SearchText.isNumeric($0) }
        }

        // A country is a whole later segment ("…, France", "…, FR"), else the tail of the last one ("Tokyo Japan").
        var countryCode: String?
        var countrySegment: Int?
        for index in words.indices.reversed() {
            let key = words[index].joined(separator: " ")
            let isCode = index > 0 && words[index].count == 1 && key.count == 2 && directory.countryCodes.contains(key)
            if let code = directory.countryNames[key] ?? (isCode ? key.uppercased() : nil) {
                countryCode = code
                countrySegment = index
                break
            }
        }
        var regions: Set<String> = []
        // The country segment is read again: "CA" is Canada and California, "Georgia" a country and a state.
        for index in words.indices.dropFirst() {
            regions.formUnion(PlaceQuery.regions(named: words[index].joined(separator: " "), in: directory))
        }
        if let last = words.indices.last {
            if countryCode == nil, let (code, length) = PlaceQuery.countryTail(of: words[last], in: directory) {
                countryCode = code
                words[last].removeLast(length)
            }
            if let (found, length) = PlaceQuery.regionTail(of: words[last], in: directory) {
                regions.formUnion(found)
                words[last].removeLast(length)
            }
        }

        self.segments = raw.indices.map { index in
            let typed = raw[index].split(whereSeparator: { !$0.isLetter }).map(String.init)
            let isBare = raw[index].count == 3 && raw[index].allSatisfy { $0.isASCII && $0.isLetter }
            return Segment(
                words: words[index],
                capitalCodes: typed.filter { $0.count == 3 && $0.allSatisfy { $0.isASCII && $0.isUppercase } },
                bareCode: isBare ? raw[index].uppercased() : nil,
                typedInCapitals: raw[index].contains { $0.isLetter } && !raw[index].contains { $0.isLowercase },
                namesCountry: index == countrySegment
            )
        }
        self.countryCode = countryCode
        self.regions = regions
        self.wantsAirport = wantsAirport
    }

    /// Regions a normalised text may mean: a region name, or a postal abbreviation ("tx", "nsw").
    private static func regions(named key: String, in directory: PlaceDirectory) -> Set<String> {
        var found = Set(directory.regionAbbreviations[key] ?? [])
        if directory.regionNames.contains(key) { found.insert(key) }
        return found
    }

    /// A country named at the end of the words ("tokyo japan") and how many words name it.
    private static func countryTail(of words: [String], in directory: PlaceDirectory) -> (String, Int)? {
        tail(of: words, in: directory) { directory.countryNames[$0] }
    }

    /// Regions named at the end of the words ("austin tx") and how many words name them.
    private static func regionTail(of words: [String], in directory: PlaceDirectory) -> (Set<String>, Int)? {
        tail(of: words, in: directory) { key in
            let found = regions(named: key, in: directory)
            return found.isEmpty ? nil : found
        }
    }

    /// The longest tail (up to four words) that `match` recognises, leaving at least one word, unless the whole
    /// text is itself a place name ("Santiago de Cuba" keeps its "Cuba", "New Jersey" its "Jersey").
    private static func tail<Found>(
        of words: [String],
        in directory: PlaceDirectory,
        matching match: (String) -> Found?
    ) -> (Found, Int)? {
        let whole = words.joined(separator: " ")
        guard words.count > 1, directory.names[whole] == nil, !directory.regionNames.contains(whole) else {
            return nil
        }
        for length in stride(from: min(4, words.count - 1), through: 1, by: -1) {
            if let found = match(words.suffix(length).joined(separator: " ")) { return (found, length) }
        }
        return nil
    }
}
