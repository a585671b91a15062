import Foundation

/// The loaded gazetteer and its indexes. Immutable once built, so one instance is shared by every geocoder.
final class PlaceDirectory: Sendable {
    /// A name key pointing at a record; weak keys name the city an airport serves, not the airport itself.
    struct KeyHit: Sendable {
        let record: Int
        let isWeak: Bool
    }

    let records: [PlaceRecord]
    /// Every record as a result, in file order.
    let places: [GeocodedPlace]
    /// Normalised names, ASCII names, aliases and airport names without "airport" words.
    let names: [String: [KeyHit]]
    /// Every name key, sorted, for the prefix search used when nothing matches exactly.
    let sortedNames: [String]
    let iataCodes: [String: Int]
    /// Normalised country names and aliases to ISO codes.
    let countryNames: [String: String]
    /// Lowercased ISO codes, only trusted when a whole comma segment ("Paris, FR").
    let countryCodes: Set<String>
    /// Normalised region names, and postal abbreviations to the normalised names they may stand for.
    let regionNames: Set<String>
    let regionAbbreviations: [String: [String]]
    private let grid: PlaceGrid

    /// The gazetteer shipped in the module's resources.
    static func bundled() throws -> PlaceDirectory {
        guard let url = Bundle.module.url(forResource: "places", withExtension: "tsv") else {
            throw PlaceDirectoryError.resourceMissing
        }
        return try PlaceDirectory(tsv: String(contentsOf: url, encoding: .utf8))
    }

    /// Parses a gazetteer in the `places.tsv` format: comment lines starting with `#`, a header line, then rows.
    init(tsv: String) throws {
        var records: [PlaceRecord] = []
        var sawHeader = false
        for (offset, rawLine) in tsv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            if !sawHeader {
                guard fields.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) == PlaceRecord.header else {
                    throw PlaceDirectoryError.missingHeader
                }
                sawHeader = true
                continue
            }
            records.append(try PlaceRecord(fields: fields, line: offset + 1))
        }
        guard sawHeader else { throw PlaceDirectoryError.missingHeader }

        self.records = records
        self.places = records.map { $0.place(confidence: 1) }
        let grid = PlaceGrid(points: records.map(\.point))
        self.grid = grid
        let names = PlaceDirectory.nameIndex(records, grid: grid)
        self.names = names
        self.sortedNames = names.keys.sorted()
        var iataCodes: [String: Int] = [:]
        for (index, record) in records.enumerated() {
            if let code = record.iata, iataCodes[code] == nil { iataCodes[code] = index }
        }
        self.iataCodes = iataCodes
        var countryNames: [String: String] = CountryAliases.byName
        for record in records { countryNames[SearchText.normalize(record.country)] = record.countryCode }
        self.countryNames = countryNames
        self.countryCodes = Set(records.map { $0.countryCode.lowercased() })
        self.regionNames = Set(records.compactMap(\.regionKey))
        self.regionAbbreviations = RegionAbbreviations.byCode.mapValues { $0.map(SearchText.normalize) }
    }

    /// The closest record of `kind` (any kind when nil) within `radiusKm`, with its distance.
    func nearest(to point: GeoPoint, kind: PlaceRecord.Kind?, withinKm radiusKm: Double) -> (index: Int, km: Double)? {
        grid.nearest(to: point, withinKm: radiusKm) { kind == nil || records[$0].kind == kind }
    }

    /// Every name of every record, plus, for airports, the name without "airport" words and the city served.
    private static func nameIndex(_ records: [PlaceRecord], grid: PlaceGrid) -> [String: [KeyHit]] {
        var index: [String: [KeyHit]] = [:]
        func add(_ key: String, _ record: Int, isWeak: Bool) {
            guard !key.isEmpty, index[key]?.contains(where: { $0.record == record }) != true else { return }
            index[key, default: []].append(KeyHit(record: record, isWeak: isWeak))
        }
        for (position, record) in records.enumerated() {
            for name in [record.name, record.asciiName] + record.aliases {
                let tokens = SearchText.tokens(name)
                add(tokens.joined(separator: " "), position, isWeak: false)
                if record.kind == .airport {
                    let withoutAirportWords = tokens.filter { !SearchText.airportWords.contains($0) }
                    add(withoutAirportWords.joined(separator: " "), position, isWeak: false)
                }
            }
        }
        // "London airport" should find Heathrow: an airport is also known by the city its name starts with
        // ("London Heathrow") and by the nearest city of its country.
        for (position, airport) in records.enumerated() where airport.kind == .airport {
            func servesCity(_ hit: KeyHit) -> Bool {
                let city = records[hit.record]
                return !hit.isWeak && city.kind == .city && city.countryCode == airport.countryCode
                    && city.point.distanceKm(to: airport.point) < 150
            }
            var served: Set<String> = []
            for name in [airport.name] + airport.aliases {
                let tokens = SearchText.tokens(name).filter { !SearchText.airportWords.contains($0) }
                for length in stride(from: min(3, tokens.count - 1), through: 1, by: -1) {
                    let prefix = tokens[..<length].joined(separator: " ")
                    if index[prefix]?.contains(where: servesCity) == true { served.insert(prefix) }
                }
            }
            let nearestCity = grid.nearest(to: airport.point, withinKm: 50) {
                records[$0].kind == .city && records[$0].countryCode == airport.countryCode
            }
            if let nearestCity { served.insert(SearchText.normalize(records[nearestCity.index].name)) }
            for key in served { add(key, position, isWeak: true) }
        }
        return index
    }
}
