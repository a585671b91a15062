import Foundation
import Vapor

/// What a client says about the device it signs in from.
public struct DeviceInfo: Content, Sendable, Equatable {
    public var deviceId: String?
    public var deviceName: String?
    public var deviceType: UserSession.DeviceType?
    public var platform: UserSession.Platform?
    public var appVersion: String?
    public var pushToken: String?
    public var location: String?

    public init(
        deviceId: String? = nil, deviceName: String? = nil, deviceType: UserSession.DeviceType? = nil,
        platform: UserSession.Platform? = nil, appVersion: String? = nil, pushToken: String? = nil,
        location: String? = nil
    ) {
        self.deviceId = deviceId
        self.deviceName = deviceName
        self.deviceType = deviceType
        self.platform = platform
        self.appVersion = appVersion
        self.pushToken = pushToken
        self.location = location
    }
}
