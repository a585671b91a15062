import Foundation
import Testing

@testable import Platform

@Suite("OfflineGeocoder")
struct OfflineGeocoderTests {
    /// A query and where the answer really is (coordinates from independent knowledge, not from places.tsv).
    struct Expectation: Sendable, CustomTestStringConvertible {
        let query: String
        let name: String
        let lat: Double
        let lng: Double
        var toleranceKm = 10.0
        var testDescription: String { query }
    }

    let geocoder: OfflineGeocoder

    init() throws {
        geocoder = try OfflineGeocoder()
    }

    static let examples: [Expectation] = [
        .init(query: "10 Rue de Rivoli, 75001 Paris, France", name: "Paris", lat: 48.8566, lng: 2.3522),
        .init(
            query: "JFK", name: "John F. Kennedy International Airport", lat: 40.6413, lng: -73.7781, toleranceKm: 3
        ),
        .init(query: "Heathrow Airport", name: "London Heathrow Airport", lat: 51.4700, lng: -0.4543, toleranceKm: 3),
        .init(query: "München", name: "Munich", lat: 48.1351, lng: 11.5820),
        .init(query: "new york, usa", name: "New York", lat: 40.7128, lng: -74.0060),
        .init(query: "Tokyo Japan", name: "Tokyo", lat: 35.6762, lng: 139.6503),
        .init(query: "221B Baker Street, London NW1 6XE, UK", name: "London", lat: 51.5074, lng: -0.1278),
        .init(
            query: "1600 Pennsylvania Avenue NW, Washington, DC 20500", name: "Washington", lat: 38.8977, lng: -77.0365
        ),
        .init(query: "Austin, TX", name: "Austin", lat: 30.2672, lng: -97.7431),
        .init(query: "Bombay", name: "Mumbai", lat: 19.0760, lng: 72.8777),
        .init(query: "CDG airport", name: "Paris Charles de Gaulle Airport", lat: 49.0097, lng: 2.5479, toleranceKm: 3),
        .init(query: "Sydney NSW", name: "Sydney", lat: -33.8688, lng: 151.2093),
        .init(query: "Cape Town South Africa", name: "Cape Town", lat: -33.9249, lng: 18.4241),
        .init(query: "Buenos Aires, Argentina", name: "Buenos Aires", lat: -34.6037, lng: -58.3816),
        .init(query: "Lagos, Nigeria", name: "Lagos", lat: 6.4550, lng: 3.3941),
    ]

    @Test("free-form queries resolve to the right place", arguments: examples)
    func resolves(_ expected: Expectation) async throws {
        // act
        let best = try #require(try await geocoder.geocode(expected.query, limit: 3).first)
        // assert
        #expect(best.name == expected.name)
        let truth = GeoPoint(lat: expected.lat, lng: expected.lng)
        #expect(best.coordinates.distanceKm(to: truth) < expected.toleranceKm)
    }

    @Test func confidenceReflectsMatchQuality() {
        let cityAndCountry = geocoder.search("Paris, France").first
        #expect(cityAndCountry?.confidence ?? 0 >= 0.85)
        let code = geocoder.search("JFK").first
        #expect(code?.iata == "JFK")
        #expect(code?.confidence ?? 0 >= 0.9)
        let partial = geocoder.search("Munch").first
        #expect(partial?.name == "Munich")
        #expect((0.3...0.6).contains(partial?.confidence ?? 0))
        #expect(cityAndCountry?.formattedAddress == "Paris, Île-de-France, France")
    }

    @Test(
        "diacritics and case do not matter",
        arguments: [
            ["München", "Munchen", "MÜNCHEN", "Muenchen", "munich"],
            ["São Paulo", "Sao Paulo", "SAO PAULO"],
            ["Zürich", "Zurich"],
            ["Kraków", "Krakow", "Cracow"],
            ["Łódź", "Lodz"],
            ["İstanbul", "Istanbul"],
            ["Reykjavík", "Reykjavik"],
            ["Xi'an", "Xi’an", "Xian"],
            ["St. Louis, MO", "Saint Louis, Missouri"],
        ])
    func diacritics(_ spellings: [String]) throws {
        let names = spellings.map { geocoder.search($0, limit: 1).first?.name }
        #expect(names.allSatisfy { $0 != nil && $0 == names[0] }, "\(spellings) -> \(names)")
    }

    @Test func countryFilterChoosesBetweenNamesakes() throws {
        let spain = try #require(geocoder.search("Valencia, Spain").first)
        #expect(spain.countryCode == "ES")
        #expect(spain.coordinates.distanceKm(to: GeoPoint(lat: 39.4699, lng: -0.3763)) < 10)
        let venezuela = try #require(geocoder.search("Valencia, Venezuela").first)
        #expect(venezuela.countryCode == "VE")
        #expect(venezuela.coordinates.distanceKm(to: GeoPoint(lat: 10.1620, lng: -68.0077)) < 10)
        #expect(geocoder.search("Portland, Maine").first?.region == "Maine")
        #expect(geocoder.search("Portland, OR").first?.region == "Oregon")
        #expect(geocoder.search("Los Angeles, CA").first?.countryCode == "US")
        #expect(geocoder.search("Tbilisi, Georgia").first?.countryCode == "GE")
        #expect(geocoder.search("Atlanta, Georgia").first?.countryCode == "US")
        // A street named after one city does not hide the city the address is in.
        #expect(geocoder.search("12 Paris Street, Hamburg").first?.name == "Hamburg")
        #expect(geocoder.search("Central Park, New York").first?.name == "New York")
    }

    @Test("nothing matches", arguments: ["qwertyuiop", "", "   ", "12345", "zzzz xxxx"])
    func unknownQuery(_ query: String) async throws {
        #expect(try await geocoder.geocode(query, limit: 5).isEmpty)
    }

    @Test func limitIsRespected() {
        #expect(geocoder.search("London", limit: 1).count == 1)
        #expect(geocoder.search("London", limit: 0).isEmpty)
        #expect(geocoder.search("London airport", limit: 3).allSatisfy { $0.kind == "airport" })
    }

    @Test func reverseGeocodeFindsTheCity() async throws {
        let service: any Geocoder = geocoder
        let louvre = GeoPoint(lat: 48.8606, lng: 2.3376)
        let place = try #require(try await service.reverseGeocode(louvre))
        #expect(place.name == "Paris")
        #expect(place.countryCode == "FR")
        #expect(place.confidence > 0.9)
        #expect(try await service.reverseGeocode(GeoPoint(lat: 30, lng: -40)) == nil)
        #expect(try await service.reverseGeocode(GeoPoint(lat: -60, lng: 170)) == nil)
    }

    @Test func reverseGeocodeFallsBackToAnAirport() throws {
        // Sal island's airport is 200 km from the nearest city in the file.
        let place = try #require(geocoder.place(near: GeoPoint(lat: 16.7400, lng: -22.9400)))
        #expect(place.kind == "airport")
        #expect(place.iata == "SID")
    }

    // Speed is the benchmark's business; what the grid must never do is miss a nearer place than a full scan.
    @Test("the grid's nearest city is the one a scan of every city finds")
    func nearestAgreesWithScan() {
        var generator = SystemRandomNumberGenerator()
        let cities = geocoder.places(kind: "city")
        for _ in 0..<200 {
            let point = GeoPoint(
                lat: Double.random(in: -60...70, using: &generator),
                lng: Double.random(in: -180...180, using: &generator))
            let scanned = cities.min { $0.coordinates.distanceKm(to: point) < $1.coordinates.distanceKm(to: point) }
            let found = geocoder.nearest(to: point, kind: "city")
            #expect(
                found.map { $0.coordinates.distanceKm(to: point) }
                    == scanned.map { $0.coordinates.distanceKm(to: point) },
                "\(point)")
        }
    }

    @Test func nearestOfAKind() {
        let paris = GeoPoint(lat: 48.8566, lng: 2.3522)
        #expect(geocoder.nearest(to: paris, kind: "airport")?.iata == "ORY")
        #expect(geocoder.nearest(to: paris, kind: "city")?.name == "Paris")
        #expect(geocoder.nearest(to: paris, kind: "harbour") == nil)
        #expect(geocoder.nearest(to: GeoPoint(lat: -70, lng: 0), kind: "city") != nil)
    }

    @Test func gazetteerIsLargeAndWellFormed() throws {
        let cities = geocoder.places(kind: "city")
        let airports = geocoder.places(kind: "airport")
        #expect(cities.count >= 800)
        #expect(airports.count >= 300)
        #expect(geocoder.places.count == cities.count + airports.count)
        let codes = airports.compactMap(\.iata)
        #expect(codes.count == airports.count)
        #expect(Set(codes).count == codes.count, "duplicate IATA codes")
        for place in geocoder.places {
            #expect(place.coordinates.isValid, "\(place.name)")
            #expect(place.countryCode.count == 2 && place.countryCode.allSatisfy(\.isUppercase), "\(place.name)")
            #expect(place.timezone.map { TimeZone(identifier: $0) != nil } == true, "\(place.name)")
        }
        let populations = geocoder.directory.records.filter { $0.kind == .city }.map(\.population).sorted(by: >)
        #expect(cities.first?.name == geocoder.directory.records.first { $0.population == populations[0] }?.name)
    }

    @Test func distancesBetweenWellKnownCities() throws {
        let paris = try #require(geocoder.search("Paris, France").first).coordinates
        let london = try #require(geocoder.search("London, UK").first).coordinates
        let newYork = try #require(geocoder.search("New York, NY").first).coordinates
        let losAngeles = try #require(geocoder.search("Los Angeles, CA").first).coordinates
        #expect(abs(paris.distanceKm(to: london) - 344) / 344 < 0.01)
        #expect(abs(newYork.distanceKm(to: losAngeles) - 3936) / 3936 < 0.01)
    }

    @Test func loadsAGazetteerGivenAsText() throws {
        let tsv = """
            # fixture
            kind\tname\tascii_name\taliases\tcountry_code\tcountry\tadmin1\tiata\tlat\tlng\tpopulation\ttimezone
            city\tNowhere\t\tNo Place\tZZ\tZedland\tNorth\t\t10.0000\t20.0000\t1000\tUTC
            airport\tNowhere Airport\t\t\tZZ\tZedland\tNorth\tNWH\t10.1000\t20.1000\t0\tUTC
            """
        let fixture = try OfflineGeocoder(tsv: tsv)
        #expect(fixture.places.count == 2)
        #expect(fixture.search("no place").first?.name == "Nowhere")
        #expect(fixture.search("NWH").first?.name == "Nowhere Airport")
        #expect(throws: PlaceDirectoryError.missingHeader) { try OfflineGeocoder(tsv: "city\tX") }
        let broken = tsv.replacingOccurrences(of: "10.0000\t20.0000", with: "north\t20.0000")
        #expect(throws: PlaceDirectoryError.malformedRow(line: 3, reason: "bad coordinates")) {
            try OfflineGeocoder(tsv: broken)
        }
    }
}
