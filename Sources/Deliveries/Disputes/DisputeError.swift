import Platform
import Vapor

public enum DisputeError: CodedError, Equatable {
    case notFound
    /// Before pickup the way out is a cancellation.
    case beforePickup
    case alreadyOpen(caseNumber: String)
    case alreadyResolved
    case evidenceNotFound

    public var status: HTTPResponseStatus {
        switch self {
        case .notFound, .evidenceNotFound: .notFound
        case .beforePickup, .alreadyOpen, .alreadyResolved: .conflict
        }
    }

    public var code: String {
        switch self {
        case .notFound: "DISPUTE_NOT_FOUND"
        case .beforePickup: "DISPUTE_BEFORE_PICKUP"
        case .alreadyOpen: "DISPUTE_ALREADY_OPEN"
        case .alreadyResolved: "DISPUTE_ALREADY_RESOLVED"
        case .evidenceNotFound: "EVIDENCE_NOT_FOUND"
        }
    }

    public var reason: String {
        switch self {
        case .notFound: "Dispute not found"
        case .beforePickup: "A delivery not yet picked up is cancelled, not disputed"
        case .alreadyOpen(let number): "Dispute \(number) is already open on this delivery"
        case .alreadyResolved: "This dispute is already resolved"
        case .evidenceNotFound: "Evidence not found"
        }
    }
}
