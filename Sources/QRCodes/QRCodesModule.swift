import Fluent
import Foundation
import Platform
import Vapor

/// QR codes (original service 3006): the sealed pickup and delivery codes of every booking, their verification
/// at the handoffs, and the scan log. Deliveries asks for codes when it books and hears of verified handoffs
/// through `HandoffVerified`.
public struct QRCodesModule: PlatformModule {
    public init() {}

    public var name: String { "qr-codes" }

    public var migrations: [any Migration] {
        [CreateQRCodes(), CreateQRCodeScans(), CreateQREmergencyOverrides(), AddQRCodeOneTimeCodes()]
    }

    public func boot(_ app: Application) async throws {
        app.qrKeys = try QRKeys.load(config: app.platformConfig, environment: ProcessInfo.processInfo.environment)
    }

    public func routes(_ root: any RoutesBuilder) throws {
        let api = root.grouped("api", "v1")
        try api.register(collection: QRCodeController())
        try api.register(collection: EmergencyOverrideController())
        try api.register(collection: QRCodeInsightsController())
    }
}
