import Platform
import Vapor

/// Failures of the user-management rules, each with a stable code.
public enum UsersError: CodedError {
    case userNotFound
    case addressNotFound
    case documentNotFound
    case reportNotFound
    case profilePictureNotFound
    case cannotTargetSelf(action: String)
    case notATraveler
    case alreadyFavorited
    case notFavorited
    case alreadyBlocked
    case notBlocked
    case duplicateReport
    case fileTooLarge(field: String, maxBytes: Int)
    case unsupportedFileType(field: String, allowed: [String])
    case phoneAlreadyVerified
    case phoneInUse
    case noPendingPhoneVerification
    case invalidCode(remainingAttempts: Int)
    case codeExpired
    case tooManyAttempts
    case codeRequestedTooSoon(retryAfter: Int)
    case identityAlreadyVerified
    case identityReviewPending
    case nothingToResubmit
    case addressNotLocated

    public var status: HTTPResponseStatus {
        switch self {
        case .userNotFound, .addressNotFound, .documentNotFound, .reportNotFound, .profilePictureNotFound,
            .notFavorited, .notBlocked, .noPendingPhoneVerification:
            .notFound
        case .cannotTargetSelf, .notATraveler, .unsupportedFileType, .addressNotLocated: .unprocessableEntity
        case .alreadyFavorited, .alreadyBlocked, .duplicateReport, .phoneAlreadyVerified, .phoneInUse,
            .identityAlreadyVerified, .identityReviewPending, .nothingToResubmit:
            .conflict
        case .fileTooLarge: .payloadTooLarge
        case .invalidCode, .codeExpired: .badRequest
        case .tooManyAttempts, .codeRequestedTooSoon: .tooManyRequests
        }
    }

    public var code: String {
        switch self {
        case .userNotFound: "USER_NOT_FOUND"
        case .addressNotFound: "ADDRESS_NOT_FOUND"
        case .documentNotFound: "VERIFICATION_NOT_FOUND"
        case .reportNotFound: "REPORT_NOT_FOUND"
        case .profilePictureNotFound: "PROFILE_PICTURE_NOT_FOUND"
        case .cannotTargetSelf: "CANNOT_TARGET_SELF"
        case .notATraveler: "NOT_A_TRAVELER"
        case .alreadyFavorited: "ALREADY_FAVORITED"
        case .notFavorited: "FAVORITE_NOT_FOUND"
        case .alreadyBlocked: "ALREADY_BLOCKED"
        case .notBlocked: "BLOCK_NOT_FOUND"
        case .duplicateReport: "DUPLICATE_REPORT"
        case .fileTooLarge: "FILE_TOO_LARGE"
        case .unsupportedFileType: "UNSUPPORTED_FILE_TYPE"
        case .phoneAlreadyVerified: "PHONE_ALREADY_VERIFIED"
        case .phoneInUse: "PHONE_IN_USE"
        case .noPendingPhoneVerification: "PHONE_VERIFICATION_NOT_FOUND"
        case .invalidCode: "INVALID_CODE"
        case .codeExpired: "CODE_EXPIRED"
        case .tooManyAttempts: "TOO_MANY_ATTEMPTS"
        case .codeRequestedTooSoon: "CODE_REQUESTED_TOO_SOON"
        case .identityAlreadyVerified: "IDENTITY_ALREADY_VERIFIED"
        case .identityReviewPending: "IDENTITY_REVIEW_PENDING"
        case .nothingToResubmit: "NOTHING_TO_RESUBMIT"
        case .addressNotLocated: "ADDRESS_NOT_LOCATED"
        }
    }

    public var reason: String {
        switch self {
        case .userNotFound: "User not found"
        case .addressNotFound: "Address not found"
        case .documentNotFound: "Verification not found"
        case .reportNotFound: "Report not found"
        case .profilePictureNotFound: "This user has no profile picture"
        case .cannotTargetSelf(let action): "You cannot \(action) yourself"
        case .notATraveler: "Only travelers can be added to favorites"
        case .alreadyFavorited: "This traveler is already in your favorites"
        case .notFavorited: "This user is not in your favorites"
        case .alreadyBlocked: "You have already blocked this user"
        case .notBlocked: "You have not blocked this user"
        case .duplicateReport: "You already have an open report about this user"
        case .fileTooLarge: "The file is too large"
        case .unsupportedFileType: "Validation failed"
        case .phoneAlreadyVerified: "This phone number is already verified"
        case .phoneInUse: "This phone number is verified on another account"
        case .noPendingPhoneVerification: "No phone verification is in progress; request a code first"
        case .invalidCode: "The code is incorrect"
        case .codeExpired: "The code has expired; request a new one"
        case .tooManyAttempts: "Too many incorrect codes; request a new one"
        case .codeRequestedTooSoon: "Please wait before requesting another code"
        case .identityAlreadyVerified: "Your identity is already verified"
        case .identityReviewPending: "A verification is already waiting for review"
        case .nothingToResubmit: "Only a rejected verification can be resubmitted"
        case .addressNotLocated: "Validation failed"
        }
    }

    public var details: [String] {
        switch self {
        case .fileTooLarge(let field, let maxBytes): ["\(field) must be at most \(maxBytes / (1024 * 1024)) MB"]
        case .unsupportedFileType(let field, let allowed):
            ["\(field) must be one of: \(allowed.joined(separator: ", "))"]
        case .invalidCode(let remaining): ["\(remaining) attempt(s) left"]
        case .codeRequestedTooSoon(let seconds): ["Retry after \(max(1, seconds)) seconds"]
        case .addressNotLocated:
            ["the address could not be located; send coordinates { lat, lng } with it"]
        default: []
        }
    }

    public var headers: HTTPHeaders {
        switch self {
        case .codeRequestedTooSoon(let seconds): ["Retry-After": String(max(1, seconds))]
        default: [:]
        }
    }
}
