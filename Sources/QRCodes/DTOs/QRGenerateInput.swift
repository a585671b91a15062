import Foundation
import Platform
import Vapor

/// `POST /qr-codes/generate` (the type named) and `/qr-codes/{pickup|delivery}/generate`.
struct QRGenerateInput: Content {
    var deliveryId: UUID
    var type: QRCodeType?
}

/// `POST /qr-codes/bulk-generate` (admins).
struct QRBulkGenerateInput: Content {
    var deliveryIds: [UUID]
    var type: QRCodeType?
}

extension QRBulkGenerateInput: DocumentedFields {
    static var fieldRules: [String: FieldRule] { ["deliveryIds": .list(1...100, each: .format("uuid"))] }
}

/// `POST /qr-codes/test-scanner` and `/qr-codes/validation/verify-integrity`.
struct QRInspectInput: Content {
    var qrData: String
}

extension QRInspectInput: DocumentedFields {
    static var fieldRules: [String: FieldRule] { ["qrData": .characters(upTo: 2000)] }
}
