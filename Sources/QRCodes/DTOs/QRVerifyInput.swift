import Foundation
import Platform
import Vapor

/// A scan sent by the traveler's app: the symbol's text or the typed backup code, where it was scanned and
/// from which device.
public struct QRVerifyInput: Content, Sendable {
    public var qrData: String?
    public var backupCode: String?
    public var deliveryId: UUID?
    public var location: GeoPoint?
    public var deviceId: String?
    /// The `maximum` level's code, read out by the person handing over.
    public var oneTimeCode: String?

    func scan(expecting type: QRCodeType?) throws -> QRCodeVerifier.Scan {
        var check = RuleCheck()
        let data = qrData?.trimmingCharacters(in: .whitespacesAndNewlines)
        let backup = backupCode?.trimmingCharacters(in: .whitespacesAndNewlines)
        check.require((data?.isEmpty ?? true) != (backup?.isEmpty ?? true), "send exactly one of qrData or backupCode")
        check.require((data?.count ?? 0) <= 2000, "qrData must be at most 2000 characters")
        check.require((backup?.count ?? 0) <= 40, "backupCode must be at most 40 characters")
        check.require((deviceId?.count ?? 0) <= 200, "deviceId must be at most 200 characters")
        check.require((oneTimeCode?.count ?? 0) <= 20, "oneTimeCode must be at most 20 characters")
        if let location { check.require(location.isValid, "location must have lat in -90…90 and lng in -180…180") }
        try check.throwIfBroken()
        return QRCodeVerifier.Scan(
            qrData: data?.isEmpty == false ? data : nil, backupCode: backup?.isEmpty == false ? backup : nil,
            expectedType: type, deliveryId: deliveryId, location: location,
            deviceId: deviceId?.isEmpty == false ? deviceId : nil, oneTimeCode: oneTimeCode)
    }
}

extension QRVerifyInput: DocumentedFields {
    public static var fieldRules: [String: FieldRule] {
        [
            "qrData": FieldRule.characters(upTo: 2000).described("one of qrData or backupCode"),
            "backupCode": FieldRule.characters(upTo: 40).described("XXX-XXX-XXX-XXX; one of qrData or backupCode"),
            "deliveryId": .format("uuid"),
            "deviceId": .characters(upTo: 200), "oneTimeCode": .characters(upTo: 20),
        ]
    }
}
