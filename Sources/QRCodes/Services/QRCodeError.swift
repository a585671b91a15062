import Platform
import Vapor

/// Why a scan was refused; each has its own code, and none changes anything but the scan log.
public enum QRCodeError: CodedError, Equatable {
    case notFound
    case foreign
    case tampered
    case unknownBackupCode
    case expired
    case alreadyUsed
    case revoked
    case wrongParty
    case wrongDelivery
    case wrongType(expected: QRCodeType)
    case outOfOrder
    case locationRequired
    case outOfRadius(metres: Int, radius: Int)
    case wrongDevice
    /// A `maximum` code needs the one-time code texted to the person handing over.
    case oneTimeCodeRequired
    case wrongOneTimeCode

    public var status: HTTPResponseStatus {
        switch self {
        case .notFound: .notFound
        case .foreign, .tampered, .unknownBackupCode, .wrongDelivery, .wrongType, .locationRequired, .outOfRadius:
            .unprocessableEntity
        case .expired, .revoked: .gone
        case .alreadyUsed, .outOfOrder: .conflict
        case .wrongParty, .wrongDevice: .forbidden
        case .oneTimeCodeRequired, .wrongOneTimeCode: .unprocessableEntity
        }
    }

    public var code: String {
        switch self {
        case .notFound: "QR_CODE_NOT_FOUND"
        case .foreign: "QR_CODE_FOREIGN"
        case .tampered: "QR_CODE_TAMPERED"
        case .unknownBackupCode: "INVALID_BACKUP_CODE"
        case .expired: "QR_CODE_EXPIRED"
        case .alreadyUsed: "QR_CODE_ALREADY_USED"
        case .revoked: "QR_CODE_REVOKED"
        case .wrongParty: "QR_CODE_WRONG_PARTY"
        case .wrongDelivery: "QR_CODE_WRONG_DELIVERY"
        case .wrongType: "QR_CODE_WRONG_TYPE"
        case .outOfOrder: "HANDOFF_OUT_OF_ORDER"
        case .locationRequired: "LOCATION_REQUIRED"
        case .outOfRadius: "QR_CODE_OUT_OF_RADIUS"
        case .wrongDevice: "QR_CODE_WRONG_DEVICE"
        case .oneTimeCodeRequired: "ONE_TIME_CODE_REQUIRED"
        case .wrongOneTimeCode: "INVALID_ONE_TIME_CODE"
        }
    }

    public var reason: String {
        switch self {
        case .notFound: "QR code not found"
        case .foreign: "This is not a P2P Delivery code"
        case .tampered: "This code has been altered or was not issued by this platform"
        case .unknownBackupCode: "No code has this backup code"
        case .expired: "This code has expired; ask for a new one"
        case .alreadyUsed: "This code has already been used"
        case .revoked: "This code was revoked; ask for the new one"
        case .wrongParty: "Only the delivery's traveler can verify this handoff"
        case .wrongDelivery: "This code belongs to another delivery"
        case .wrongType(let expected): "This is not the \(expected.rawValue) code"
        case .outOfOrder: "The pickup has to be verified before the delivery"
        case .locationRequired: "This code must be scanned with the device's location"
        case .outOfRadius(let metres, let radius):
            "This code must be scanned within \(radius) m of the handoff place (this scan is \(metres) m away)"
        case .wrongDevice: "This code is bound to the device that first scanned it"
        case .oneTimeCodeRequired: "Ask for the one-time code texted to the person handing over, then scan again"
        case .wrongOneTimeCode: "The one-time code is wrong or has lapsed"
        }
    }

    /// The scan log's result for this refusal.
    var scanResult: QRScanResult {
        switch self {
        case .notFound, .tampered, .unknownBackupCode: .invalid
        case .foreign: .foreign
        case .expired: .expired
        case .alreadyUsed: .used
        case .revoked: .revoked
        case .wrongParty: .wrongParty
        case .wrongDelivery, .wrongType: .wrongCode
        case .outOfOrder: .outOfOrder
        case .locationRequired, .outOfRadius: .outOfRadius
        case .wrongDevice: .wrongDevice
        case .oneTimeCodeRequired, .wrongOneTimeCode: .invalid
        }
    }
}
