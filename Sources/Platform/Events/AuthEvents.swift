import Foundation

/// Events published by the `Auth` module.

/// A person created an account (not yet verified).
public struct UserRegistered: DomainEvent {
    public static let eventType = "auth.user_registered"
    public var userId: UUID
    public var email: String
    public var userType: UserType
    public var referredByUserId: UUID?
    public var aggregateId: UUID { userId }

    public init(userId: UUID, email: String, userType: UserType, referredByUserId: UUID?) {
        self.userId = userId
        self.email = email
        self.userType = userType
        self.referredByUserId = referredByUserId
    }
}

/// A user proved they own their e-mail address; the account is active.
public struct UserEmailVerified: DomainEvent {
    public static let eventType = "auth.email_verified"
    public var userId: UUID
    public var aggregateId: UUID { userId }

    public init(userId: UUID) {
        self.userId = userId
    }
}

/// An account's status changed (suspended, deactivated, reactivated).
public struct UserStatusChanged: DomainEvent {
    public static let eventType = "auth.user_status_changed"
    public var userId: UUID
    public var from: String
    public var to: String
    public var reason: String?
    public var aggregateId: UUID { userId }

    public init(userId: UUID, from: String, to: String, reason: String?) {
        self.userId = userId
        self.from = from
        self.to = to
        self.reason = reason
    }
}

/// An account was deleted and its personal data erased.
public struct UserDeleted: DomainEvent {
    public static let eventType = "auth.user_deleted"
    public var userId: UUID
    public var aggregateId: UUID { userId }

    public init(userId: UUID) {
        self.userId = userId
    }
}
