import Platform
import Vapor

/// Failures of the trip rules, each with a stable code.
public enum TripsError: CodedError {
    case tripNotFound
    case templateNotFound
    case reservationNotFound
    case reservationHeldForBooking
    case notYourTrip
    case insufficientCapacity(available: CapacityAmount)
    case tripNotBookable(status: TripStatus)
    case capacityBelowReserved([String])
    case tripNotEditable(status: TripStatus)
    case shareLinkInvalid
    case notYourTemplate
    case weatherNotApplicable(status: TripStatus)
    case weatherProviderFailed

    public var status: HTTPResponseStatus {
        switch self {
        case .tripNotFound, .templateNotFound, .reservationNotFound, .shareLinkInvalid: .notFound
        case .notYourTrip, .notYourTemplate: .forbidden
        case .weatherNotApplicable: .conflict
        case .weatherProviderFailed: .serviceUnavailable
        case .insufficientCapacity, .tripNotBookable, .tripNotEditable, .reservationHeldForBooking: .conflict
        case .capacityBelowReserved: .unprocessableEntity
        }
    }

    public var code: String {
        switch self {
        case .tripNotFound: "TRIP_NOT_FOUND"
        case .templateNotFound: "TEMPLATE_NOT_FOUND"
        case .reservationNotFound: "RESERVATION_NOT_FOUND"
        case .reservationHeldForBooking: "RESERVATION_HELD_FOR_BOOKING"
        case .notYourTrip: "NOT_TRIP_OWNER"
        case .insufficientCapacity: "INSUFFICIENT_CAPACITY"
        case .tripNotBookable: "TRIP_NOT_BOOKABLE"
        case .capacityBelowReserved: "CAPACITY_BELOW_RESERVED"
        case .tripNotEditable: "TRIP_NOT_EDITABLE"
        case .shareLinkInvalid: "SHARE_LINK_INVALID"
        case .notYourTemplate: "NOT_TEMPLATE_OWNER"
        case .weatherNotApplicable: "TRIP_NOT_LIVE"
        case .weatherProviderFailed: "WEATHER_PROVIDER_UNAVAILABLE"
        }
    }

    public var reason: String {
        switch self {
        case .tripNotFound: "Trip not found"
        case .templateNotFound: "Template not found"
        case .reservationNotFound: "Capacity reservation not found"
        case .reservationHeldForBooking:
            "This capacity is held for a booked delivery: it is given back only when that delivery is cancelled"
        case .notYourTrip: "Only the trip's traveler can do this"
        case .insufficientCapacity: "The trip does not have enough capacity left"
        case .tripNotBookable(let status):
            "Capacity can only be reserved on upcoming trips; this trip is \(status.rawValue)"
        case .capacityBelowReserved: "Capacity cannot drop below what is already reserved"
        case .tripNotEditable(let status): "A \(status.rawValue) trip cannot be edited"
        case .shareLinkInvalid: "Share link not found or expired"
        case .notYourTemplate: "Only the template's owner can do this"
        case .weatherNotApplicable(let status):
            "Weather is only kept for upcoming and active trips; this trip is \(status.rawValue)"
        case .weatherProviderFailed: "The weather service cannot be reached; try again later"
        }
    }

    public var details: [String] {
        switch self {
        case .insufficientCapacity(let available):
            [
                "available weight \(available.weight) kg, volume \(available.volume) l, items \(available.items)"
            ]
        case .capacityBelowReserved(let problems): problems
        default: []
        }
    }
}
