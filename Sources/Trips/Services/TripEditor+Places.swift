import Foundation
import Platform

extension TripEditor {
    func applyRoute(
        _ input: TripInput, to trip: Trip, isNew: Bool, check: inout RuleCheck, changes: inout Set<String>
    ) async throws {
        guard isNew || input.origin != nil || input.destination != nil else { return }
        let origin = try await place(
            input.origin, field: "origin", current: isNew ? nil : trip.originPlace, check: &check)
        let destination = try await place(
            input.destination, field: "destination", current: isNew ? nil : trip.destinationPlace, check: &check)
        guard let origin, let destination else { return }
        if origin.coordinates.distanceKm(to: destination.coordinates) < 1 {
            check.fail("destination must be at least 1 km from origin")
        }
        trip.originAddress = origin.address
        trip.originAirport = origin.airport
        trip.originTerminal = origin.terminal
        trip.originDetails = origin.details
        trip.destinationAddress = destination.address
        trip.destinationAirport = destination.airport
        trip.destinationTerminal = destination.terminal
        trip.destinationDetails = destination.details
        trip.route(from: origin.coordinates, to: destination.coordinates)
        changes.insert("schedule")
    }

    /// A validated place: the input merged over the current one, located when it has no coordinates.
    private func place(
        _ input: PlaceInput?, field: String, current: TripPlace?, check: inout RuleCheck
    ) async throws
        -> TripPlace?
    {
        guard let input else {
            if current == nil { check.fail("\(field) is required") }
            return current
        }
        let address = input.address?.trimmed ?? current?.address ?? ""
        let airport = (input.airport?.trimmed.uppercased()).flatMap { $0.isEmpty ? nil : $0 } ?? current?.airport
        var problems = RuleCheck()
        problems.require((1...300).contains(address.count), "\(field).address is required (at most 300 characters)")
        if let airport {
            problems.require(
                airport.count == 3 && airport.allSatisfy { $0.isASCII && $0.isLetter },
                "\(field).airport must be a 3-letter IATA code")
        }
        problems.require((input.terminal?.count ?? 0) <= 20, "\(field).terminal must be at most 20 characters")
        problems.require((input.details?.count ?? 0) <= 500, "\(field).details must be at most 500 characters")
        var coordinates =
            input.coordinates ?? (input.address == nil && input.airport == nil ? current?.coordinates : nil)
        if let given = coordinates, !given.isValid {
            problems.fail("\(field).coordinates must have lat in -90…90 and lng in -180…180")
            coordinates = nil
        } else if coordinates == nil, problems.isValid {
            let query = airport ?? address
            coordinates = try await geocoder.geocode(query, limit: 1).first?.coordinates
            if coordinates == nil {
                problems.fail("\(field).coordinates are required: \"\(query)\" could not be located")
            }
        }
        for problem in problems.problems { check.fail(problem) }
        guard problems.isValid, let coordinates else { return nil }
        return TripPlace(
            address: address, coordinates: coordinates, airport: airport,
            terminal: input.terminal?.trimmed ?? current?.terminal, details: input.details?.trimmed ?? current?.details)
    }
}

/// One end of a trip.
struct TripPlace {
    var address: String
    var coordinates: GeoPoint
    var airport: String?
    var terminal: String?
    var details: String?
}

extension Trip {
    var originPlace: TripPlace {
        TripPlace(
            address: originAddress, coordinates: originCoordinates, airport: originAirport, terminal: originTerminal,
            details: originDetails)
    }

    var destinationPlace: TripPlace {
        TripPlace(
            address: destinationAddress, coordinates: destinationCoordinates, airport: destinationAirport,
            terminal: destinationTerminal, details: destinationDetails)
    }
}
