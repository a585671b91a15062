import Platform
import Trips
import Vapor

/// Failures of the request, offer and delivery rules, each with a stable code.
public enum DeliveriesError: CodedError {
    case requestNotFound
    case offerNotFound
    case deliveryNotFound
    case notYourRequest
    case notYourOffer
    case requestNotOpen(status: DeliveryRequestStatus)
    case requestExpired
    case offerNotPending(status: OfferStatus)
    case offerExpired
    case offerAlreadyExists
    case cannotOfferOnOwnRequest
    case travelerExcluded
    case travelerRatingTooLow(required: Double)
    case tripNotUsable(String)
    case priceAboveMaximum(maxPrice: Money)
    case notAParty
    case alreadyReported
    case requestNotEditable
    case verificationRequired(VerificationLevel)
    case tripCarriesItems
    case cannotReportOwnRequest

    public var status: HTTPResponseStatus {
        switch self {
        case .requestNotFound, .offerNotFound, .deliveryNotFound: .notFound
        case .notYourRequest, .notYourOffer, .notAParty, .travelerExcluded, .travelerRatingTooLow,
            .verificationRequired:
            .forbidden
        case .requestNotOpen, .requestExpired, .offerNotPending, .offerExpired, .offerAlreadyExists, .alreadyReported,
            .requestNotEditable, .tripNotUsable, .tripCarriesItems:
            .conflict
        case .cannotOfferOnOwnRequest, .priceAboveMaximum, .cannotReportOwnRequest: .unprocessableEntity
        }
    }

    public var code: String {
        switch self {
        case .requestNotFound: "REQUEST_NOT_FOUND"
        case .offerNotFound: "OFFER_NOT_FOUND"
        case .deliveryNotFound: "DELIVERY_NOT_FOUND"
        case .notYourRequest: "NOT_REQUEST_OWNER"
        case .notYourOffer: "NOT_OFFER_OWNER"
        case .requestNotOpen: "REQUEST_NOT_OPEN"
        case .requestExpired: "REQUEST_EXPIRED"
        case .offerNotPending: "OFFER_NOT_PENDING"
        case .offerExpired: "OFFER_EXPIRED"
        case .offerAlreadyExists: "OFFER_ALREADY_EXISTS"
        case .cannotOfferOnOwnRequest: "CANNOT_OFFER_ON_OWN_REQUEST"
        case .travelerExcluded: "TRAVELER_EXCLUDED"
        case .travelerRatingTooLow: "TRAVELER_RATING_TOO_LOW"
        case .tripNotUsable: "TRIP_NOT_USABLE"
        case .priceAboveMaximum: "PRICE_ABOVE_MAXIMUM"
        case .notAParty: "NOT_A_PARTY"
        case .alreadyReported: "ALREADY_REPORTED"
        case .requestNotEditable: "REQUEST_NOT_EDITABLE"
        case .verificationRequired: "VERIFICATION_REQUIRED"
        case .tripCarriesItems: "TRIP_CARRIES_ITEMS"
        case .cannotReportOwnRequest: "CANNOT_TARGET_SELF"
        }
    }

    public var reason: String {
        switch self {
        case .requestNotFound: "Delivery request not found"
        case .offerNotFound: "Offer not found"
        case .deliveryNotFound: "Delivery not found"
        case .notYourRequest: "Only the request's customer can do this"
        case .notYourOffer: "Only the offer's traveler can do this"
        case .requestNotOpen(let status): "The request is \(status.rawValue) and no longer takes offers"
        case .requestExpired: "The request has expired"
        case .offerNotPending(let status): "The offer is \(status.rawValue), not pending"
        case .offerExpired: "The offer has expired"
        case .offerAlreadyExists: "You already have a pending offer on this request"
        case .cannotOfferOnOwnRequest: "You cannot make an offer on your own request"
        case .travelerExcluded: "The customer does not accept offers from you on this request"
        case .travelerRatingTooLow(let required): "The request requires a traveler rating of at least \(required)"
        case .tripNotUsable(let why): why
        case .priceAboveMaximum(let maxPrice): "The price is above the request's maximum of \(maxPrice)"
        case .notAParty: "Only the delivery's customer and traveler can do this"
        case .alreadyReported: "You already reported this request"
        case .requestNotEditable: "Only pending requests without accepted offers can be edited"
        case .verificationRequired(let level): "The request requires travelers verified to the level \(level.rawValue)"
        case .cannotReportOwnRequest: "You cannot report your own request"
        case .tripCarriesItems:
            "The trip carries items already picked up: deliver them or open a dispute before cancelling"
        }
    }
}
