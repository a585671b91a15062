import Foundation

/// Why the gazetteer could not be loaded.
public enum PlaceDirectoryError: Error, Equatable, CustomStringConvertible {
    /// `places.tsv` is not in the module's bundle.
    case resourceMissing
    /// The file has no header line with the expected columns.
    case missingHeader
    /// A data line is malformed; `line` is 1-based.
    case malformedRow(line: Int, reason: String)

    public var description: String {
        switch self {
        case .resourceMissing: "places.tsv is missing from the Platform bundle"
        case .missingHeader: "places.tsv has no header line"
        case .malformedRow(let line, let reason): "places.tsv line \(line): \(reason)"
        }
    }
}

/// One line of the gazetteer: a city or an airport.
struct PlaceRecord: Sendable {
    enum Kind: String, Sendable {
        case city
        case airport
    }

    static let header = [
        "kind", "name", "ascii_name", "aliases", "country_code", "country", "admin1", "iata", "lat", "lng",
        "population", "timezone",
    ]

    let kind: Kind
    let name: String
    let asciiName: String
    let aliases: [String]
    let countryCode: String
    let country: String
    let region: String?
    /// `region` in `SearchText.normalize` form, to compare with regions named in a query.
    let regionKey: String?
    let iata: String?
    let point: GeoPoint
    let population: Int
    let timezone: String?

    /// Parses the tab-separated fields of line `line` (1-based, for error messages).
    init(fields: [Substring], line: Int) throws {
        guard fields.count == PlaceRecord.header.count else {
            throw PlaceDirectoryError.malformedRow(line: line, reason: "expected 12 columns, found \(fields.count)")
        }
        let text = fields.map { $0.trimmingCharacters(in: .whitespaces) }
        guard let kind = Kind(rawValue: text[0]) else {
            throw PlaceDirectoryError.malformedRow(line: line, reason: "unknown kind \"\(text[0])\"")
        }
        guard !text[1].isEmpty else { throw PlaceDirectoryError.malformedRow(line: line, reason: "empty name") }
        guard text[4].count == 2, text[4].allSatisfy({ $0.isASCII && $0.isUppercase }) else {
            throw PlaceDirectoryError.malformedRow(line: line, reason: "bad country code \"\(text[4])\"")
        }
        guard let lat = Double(text[8]), let lng = Double(text[9]) else {
            throw PlaceDirectoryError.malformedRow(line: line, reason: "bad coordinates")
        }
        let point = GeoPoint(lat: lat, lng: lng)
        guard point.isValid else {
            throw PlaceDirectoryError.malformedRow(line: line, reason: "coordinates out of range")
        }
        guard let population = text[10].isEmpty ? 0 : Int(text[10]), population >= 0 else {
            throw PlaceDirectoryError.malformedRow(line: line, reason: "bad population \"\(text[10])\"")
        }
        if kind == .airport, text[7].count != 3 {
            throw PlaceDirectoryError.malformedRow(line: line, reason: "airport without a 3-letter IATA code")
        }
        self.kind = kind
        self.name = text[1]
        self.asciiName = text[2].isEmpty ? text[1] : text[2]
        self.aliases = text[3].split(separator: "|")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        self.countryCode = text[4]
        self.country = text[5].isEmpty ? text[4] : text[5]
        let region = text[6].isEmpty ? nil : text[6]
        self.region = region
        self.regionKey = region.map(SearchText.normalize)
        self.iata = text[7].isEmpty ? nil : text[7].uppercased()
        self.point = point
        self.population = population
        self.timezone = text[11].isEmpty ? nil : text[11]
    }

    /// The record as a result, with the given confidence.
    func place(confidence: Double) -> GeocodedPlace {
        GeocodedPlace(
            name: name,
            kind: kind.rawValue,
            countryCode: countryCode,
            country: country,
            region: region,
            iata: iata,
            coordinates: point,
            timezone: timezone,
            confidence: confidence
        )
    }
}
