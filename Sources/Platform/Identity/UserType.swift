/// What a user is on the platform (`users.user_type`); it decides which routes they may use.
public enum UserType: String, Codable, Sendable, CaseIterable {
    case customer
    case traveler
    case both
    case admin
    case superAdmin = "super_admin"

    /// Types a person may choose at sign-up.
    public static let selfService: [UserType] = [.customer, .traveler, .both]

    public var isAdmin: Bool { self == .admin || self == .superAdmin }
    public var canTravel: Bool { self == .traveler || self == .both }
    public var canSend: Bool { self == .customer || self == .both }
}

/// Trust levels, in order (`users.verification_level`).
public enum VerificationLevel: String, Codable, Sendable, CaseIterable, Comparable {
    case unverified
    case emailVerified = "email_verified"
    case phoneVerified = "phone_verified"
    case idVerified = "id_verified"
    case fullyVerified = "fully_verified"

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: VerificationLevel, rhs: VerificationLevel) -> Bool { lhs.rank < rhs.rank }
}
