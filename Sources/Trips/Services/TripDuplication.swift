import Fluent
import Platform
import Vapor

/// Copies a trip onto a new schedule.
struct TripDuplication {
    let context: CallContext

    /// Without times, the copy departs a whole number of weeks after the original, the first such time in the
    /// future, with the same duration.
    func duplicate(_ original: Trip, departure: String?, arrival: String?) async throws -> Trip {
        let copy = original.duplicate()
        copy.isRecurring = false
        var check = RuleCheck()
        let duration = original.arrivalTime.timeIntervalSince(original.departureTime)
        var newDeparture = original.departureTime
        var newArrival = original.arrivalTime
        if departure != nil || arrival != nil {
            newDeparture = ISOTimestamp.parse(departure, field: "departureTime", into: &check) ?? newDeparture
            newArrival =
                arrival == nil
                ? newDeparture.addingTimeInterval(duration)
                : ISOTimestamp.parse(arrival, field: "arrivalTime", into: &check) ?? newArrival
        } else {
            let week: TimeInterval = 7 * 24 * 3600
            repeat {
                newDeparture.addTimeInterval(week)
            } while newDeparture <= context.now
            newArrival = newDeparture.addingTimeInterval(duration)
        }
        check.require(newDeparture > context.now, "departureTime must be in the future")
        check.require(newArrival > newDeparture, "arrivalTime must be after departureTime")
        try check.throwIfBroken()
        copy.schedule(departure: newDeparture, arrival: newArrival)
        return try await context.db.transaction { db in
            try await copy.create(on: db)
            try await context.publish(TripCreated(tripId: try copy.requireID(), travelerId: copy.$traveler.id), on: db)
            return copy
        }
    }
}
