import Foundation
import JWTKit
import Platform

/// Claims of an access token: who (`sub`), which session (`sid`), the roles and verification level.
struct AccessTokenClaims: JWTPayload {
    static let type = "access"

    var sub: SubjectClaim
    var sid: String
    var jti: IDClaim
    var iss: IssuerClaim
    var iat: IssuedAtClaim
    var exp: ExpirationClaim
    var typ: String
    var roles: [String]
    var userType: String
    var verificationLevel: String

    enum CodingKeys: String, CodingKey {
        case sub, sid, jti, iss, iat, exp, typ, roles
        case userType = "user_type"
        case verificationLevel = "verification_level"
    }

    /// Expiry is checked against the application clock by `AuthTokenVerifier`, not the wall clock here.
    func verify(using algorithm: some JWTAlgorithm) async throws {
        guard typ == Self.type else { throw JWTError.claimVerificationFailure(failedClaim: nil, reason: "typ") }
    }

    /// The role names a token carries: the user type, expanded (`both` acts as customer and traveler).
    static func roles(for type: UserType) -> [String] {
        switch type {
        case .customer: ["customer"]
        case .traveler: ["traveler"]
        case .both: ["customer", "traveler"]
        case .admin: ["admin"]
        case .superAdmin: ["admin", "super_admin"]
        }
    }
}

/// Claims of the short-lived token between the password step and the TOTP step of a login.
struct TwoFactorChallengeClaims: JWTPayload {
    static let type = "2fa_challenge"

    var sub: SubjectClaim
    var jti: IDClaim
    var iss: IssuerClaim
    var exp: ExpirationClaim
    var typ: String
    var device: DeviceInfo?

    func verify(using algorithm: some JWTAlgorithm) async throws {
        guard typ == Self.type else { throw JWTError.claimVerificationFailure(failedClaim: nil, reason: "typ") }
    }
}
