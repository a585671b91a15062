import Platform
import Vapor

public enum EmergencyOverrideError: CodedError, Equatable {
    case notFound
    case alreadyRequested
    case notPending(QROverrideStatus)
    case notApproved(QROverrideStatus)
    case expired
    case wrongCode

    public var status: HTTPResponseStatus {
        switch self {
        case .notFound: .notFound
        case .alreadyRequested, .notPending, .notApproved: .conflict
        case .expired: .gone
        case .wrongCode: .unprocessableEntity
        }
    }

    public var code: String {
        switch self {
        case .notFound: "OVERRIDE_NOT_FOUND"
        case .alreadyRequested: "OVERRIDE_ALREADY_REQUESTED"
        case .notPending: "OVERRIDE_NOT_PENDING"
        case .notApproved: "OVERRIDE_NOT_APPROVED"
        case .expired: "OVERRIDE_EXPIRED"
        case .wrongCode: "INVALID_OVERRIDE_CODE"
        }
    }

    public var reason: String {
        switch self {
        case .notFound: "Override not found"
        case .alreadyRequested: "An override for this handoff is already waiting for a decision"
        case .notPending(let status): "This override is \(status.rawValue), no longer pending"
        case .notApproved(let status): "This override is \(status.rawValue), not approved"
        case .expired: "The alternative code's 30 minutes are over; request a new override"
        case .wrongCode: "The alternative code is not this override's"
        }
    }
}
