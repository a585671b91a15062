import Foundation

extension PlaceDirectory {
    /// How one record answered a query.
    private struct Candidate {
        let record: Int
        /// How much of a segment the matched name covers, 0...1 (for prefix matches, how much of the name).
        let quality: Double
        let byCode: Bool
        let isPartial: Bool

        var provisionalScore: Double {
            isPartial ? 0.3 + 0.2 * quality : (byCode ? 0.65 : 0.5) + 0.3 * quality
        }
    }

    /// Places matching a free-form query, best first.
    func search(_ text: String, limit: Int) -> [GeocodedPlace] {
        guard limit > 0 else { return [] }
        let query = PlaceQuery(text, directory: self)
        var candidates = matches(query, includingCountry: false)
        // "Singapore", "Kuwait": the only name is the segment first read as the country.
        if candidates.isEmpty { candidates = matches(query, includingCountry: true) }
        if candidates.isEmpty { candidates = prefixMatches(query) }
        return Array(rank(Array(candidates.values), query).prefix(limit))
    }

    private func matches(_ query: PlaceQuery, includingCountry: Bool) -> [Int: Candidate] {
        var found: [Int: Candidate] = [:]
        func offer(_ candidate: Candidate) {
            if candidate.provisionalScore > (found[candidate.record]?.provisionalScore ?? -1) {
                found[candidate.record] = candidate
            }
        }
        for segment in query.segments where includingCountry || !segment.namesCountry {
            let words = segment.words
            var covered = [Bool](repeating: false, count: words.count)
            var namesCity = false
            // Longest word runs first; a run inside an already matched one ("york" in "new york") is skipped.
            for length in stride(from: min(words.count, 6), through: 1, by: -1) {
                for start in 0...(words.count - length) {
                    let range = start..<(start + length)
                    if covered[range].allSatisfy({ $0 }) { continue }
                    if length == 1, words.count > 1, words[start].count < 3 { continue }
                    guard let hits = names[words[range].joined(separator: " ")] else { continue }
                    for position in range { covered[position] = true }
                    let quality = length == words.count ? 1 : 0.4 + 0.6 * Double(length) / Double(words.count)
                    for hit in hits where !hit.isWeak || query.wantsAirport {
                        let weight = hit.isWeak ? 0.85 : 1
                        offer(Candidate(record: hit.record, quality: quality * weight, byCode: false, isPartial: false))
                        if records[hit.record].kind == .city { namesCity = true }
                    }
                }
            }
            if let code = segment.bareCode, let index = iataCodes[code] {
                // "FEZ" is the airport, "Fez" the city.
                let quality = segment.typedInCapitals ? 1 : (namesCity ? 0.4 : 0.9)
                offer(Candidate(record: index, quality: quality, byCode: true, isPartial: false))
            } else if query.wantsAirport, words.count == 1, let index = iataCodes[words[0].uppercased()] {
                offer(Candidate(record: index, quality: 1, byCode: true, isPartial: false))
            }
            // "JFK Terminal 4"; an all-capitals segment ("LOS ANGELES") says nothing about codes.
            if segment.bareCode == nil, !segment.typedInCapitals {
                for code in segment.capitalCodes {
                    if let index = iataCodes[code] {
                        offer(Candidate(record: index, quality: 0.9, byCode: true, isPartial: false))
                    }
                }
            }
        }
        return found
    }

    /// Names that begin with the query ("munch" → München) or that the query begins with ("frankfurter").
    private func prefixMatches(_ query: PlaceQuery) -> [Int: Candidate] {
        let texts = query.segments.filter { !$0.namesCountry }.map { $0.words.joined(separator: " ") }
        guard let text = texts.max(by: { $0.count < $1.count }), text.count >= 4 else { return [:] }
        var found: [Int: Candidate] = [:]
        func offer(_ key: String) {
            let quality = Double(min(key.count, text.count)) / Double(max(key.count, text.count))
            for hit in names[key] ?? [] where !hit.isWeak && (found[hit.record]?.quality ?? -1) < quality {
                found[hit.record] = Candidate(record: hit.record, quality: quality, byCode: false, isPartial: true)
            }
        }
        var low = 0
        var high = sortedNames.count
        while low < high {
            let middle = (low + high) / 2
            if sortedNames[middle] < text { low = middle + 1 } else { high = middle }
        }
        while low < sortedNames.count, sortedNames[low].hasPrefix(text), found.count < 20 {
            offer(sortedNames[low])
            low += 1
        }
        for length in stride(from: text.count - 1, through: 5, by: -1) {
            let key = String(text.prefix(length))
            if names[key] != nil {
                offer(key)
                break
            }
        }
        return found
    }

    private func rank(_ candidates: [Candidate], _ query: PlaceQuery) -> [GeocodedPlace] {
        func inRegion(_ record: PlaceRecord) -> Bool {
            record.regionKey.map(query.regions.contains) ?? false
        }
        var pool = candidates
        var outsideContext = false
        if let code = query.countryCode {
            // A named country filters; a region counts too, since "CA" is both Canada and California.
            let fitting = pool.filter { records[$0.record].countryCode == code || inRegion(records[$0.record]) }
            if fitting.isEmpty { outsideContext = true } else { pool = fitting }
        }
        let contextGiven = query.countryCode != nil || !query.regions.isEmpty
        let sameNamedCities = pool.filter { !$0.byCode && $0.quality == 1 && records[$0.record].kind == .city }.count
        let scored = pool.map { candidate -> (place: GeocodedPlace, score: Double) in
            let record = records[candidate.record]
            var confidence = candidate.provisionalScore
            let country = record.countryCode == query.countryCode
            let region = inRegion(record)
            let bonus = (country || region ? 0.1 : 0) + (country && region ? 0.05 : 0)
            confidence += candidate.byCode ? bonus * 0.3 : bonus
            if outsideContext { confidence -= 0.2 }
            switch (record.kind, query.wantsAirport) {
            case (.city, true): confidence -= 0.2
            case (.airport, true): confidence += 0.05
            case (.airport, false) where !candidate.byCode: confidence -= 0.05
            default: break
            }
            // Several equally good cities ("Valencia") and nothing to choose between them: none is certain.
            if !contextGiven, sameNamedCities > 1, record.kind == .city, candidate.quality == 1 { confidence -= 0.05 }
            confidence = (min(0.99, max(0.05, confidence)) * 1000).rounded() / 1000
            return (record.place(confidence: confidence), confidence)
        }
        return scored.enumerated().sorted { lhs, rhs in
            if lhs.element.score != rhs.element.score { return lhs.element.score > rhs.element.score }
            let left = records[pool[lhs.offset].record]
            let right = records[pool[rhs.offset].record]
            if left.population != right.population { return left.population > right.population }
            return pool[lhs.offset].record < pool[rhs.offset].record
        }.map(\.element.place)
    }
}
