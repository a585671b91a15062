import Foundation
import Platform
import Vapor

/// A session as its owner sees it.
public struct SessionResponse: Content, Sendable {
    public var id: UUID
    public var deviceId: String?
    public var deviceName: String?
    public var deviceType: UserSession.DeviceType
    public var platform: UserSession.Platform
    public var appVersion: String?
    public var ipAddress: String?
    public var location: String?
    public var userAgent: String?
    public var isNewDevice: Bool
    public var isCurrent: Bool
    public var createdAt: Date?
    public var lastActiveAt: Date
    public var expiresAt: Date
    public var revokedAt: Date?

    public init(_ session: UserSession) throws {
        try self.init(session, currentId: nil)
    }

    public init(_ session: UserSession, currentId: UUID?) throws {
        id = try session.requireID()
        deviceId = session.deviceId
        deviceName = session.deviceName
        deviceType = session.deviceType
        platform = session.platform
        appVersion = session.appVersion
        ipAddress = session.ipAddress
        location = session.location
        userAgent = session.userAgent
        isNewDevice = session.isNewDevice
        isCurrent = id == currentId
        createdAt = session.createdAt
        lastActiveAt = session.lastActiveAt
        expiresAt = session.expiresAt
        revokedAt = session.revokedAt
    }
}

/// A linked social identity.
public struct LinkedAccountResponse: Content, Sendable {
    public var provider: String
    public var email: String?
    public var linkedAt: Date?
    public var lastUsedAt: Date?

    public init(_ account: SocialAccount) {
        provider = account.provider
        email = account.email
        linkedAt = account.linkedAt
        lastUsedAt = account.lastUsedAt
    }
}

/// One entry of the security log or activity feed.
public struct AuditEntryResponse: Content, Sendable {
    public var id: UUID
    public var action: String
    public var category: String
    public var entityType: String?
    public var entityId: String?
    public var ipAddress: String?
    public var userAgent: String?
    public var metadata: [String: String]
    public var createdAt: Date

    public init(_ entry: AuditLogEntry) throws {
        id = try entry.requireID()
        action = entry.action
        category = entry.category
        entityType = entry.entityType
        entityId = entry.entityId
        ipAddress = entry.ipAddress
        userAgent = entry.userAgent
        metadata = entry.metadata
        createdAt = entry.createdAt
    }
}
