import Fluent
import Platform
import QRCodeKit
import Vapor

/// TOTP two-factor authentication: setup, enable, disable, backup codes, and code checks at login.
struct TwoFactorService {
    let context: CallContext

    private static let issuer = "P2P Delivery"

    struct Setup: Content {
        var secret: String
        var otpauthUrl: String
        var qrCode: String
        var backupCodes: [String]
    }

    func isEnabled(for userId: UUID) async throws -> Bool {
        try await record(for: userId)?.enabled ?? false
    }

    func record(for userId: UUID) async throws -> UserTwoFactorAuth? {
        try await UserTwoFactorAuth.query(on: context.db).filter(\.$user.$id == userId).first()
    }

    /// Creates (or replaces, while not enabled) the secret and backup codes; they are shown once, here.
    func setUp(for user: User) async throws -> Setup {
        let userId = try user.requireID()
        let existing = try await record(for: userId)
        if existing?.enabled == true { throw AuthError.twoFactorAlreadyEnabled }
        var generator = SystemRandomNumberGenerator()
        let secret = (0..<20).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let encoded = Base32.encode(secret)
        let codes = Self.makeBackupCodes(count: context.authSettings.backupCodeCount)
        let sealed = try context.secrets.box.seal(encoded)
        let hashes = codes.map(hashBackupCode)
        if let existing {
            existing.secretKey = sealed
            existing.backupCodes = hashes
            existing.backupCodesGeneratedAt = context.now
            existing.lastUsedStep = 0
            try await existing.save(on: context.db)
        } else {
            try await UserTwoFactorAuth(
                userId: userId, secretKey: sealed, backupCodes: hashes, generatedAt: context.now
            )
            .create(on: context.db)
        }
        let uri = TOTP(secret: secret).provisioningURI(account: user.email, issuer: Self.issuer)
        let qr = try QREncoder.encode(uri, correction: .medium)
        return Setup(
            secret: encoded, otpauthUrl: uri, qrCode: QRImageRenderer.pngDataURL(qr, moduleSize: 6), backupCodes: codes)
    }

    /// Turns 2FA on once the user proves their app produces valid codes.
    func enable(for user: User, code: String) async throws {
        let userId = try user.requireID()
        guard let record = try await record(for: userId) else { throw AuthError.twoFactorNotSetUp }
        guard !record.enabled else { throw AuthError.twoFactorAlreadyEnabled }
        try await acceptTOTP(code, record: record)
        record.enabled = true
        record.enabledAt = context.now
        try await record.save(on: context.db)
        try await AuditTrail.record("2fa_enabled", category: "security", userId: userId, context: context)
    }

    /// Turns 2FA off; requires the password and a current code (or a backup code).
    func disable(for user: User, password: String, code: String) async throws {
        let userId = try user.requireID()
        guard let record = try await record(for: userId), record.enabled else { throw AuthError.twoFactorNotEnabled }
        try await requirePassword(password, of: user)
        try await acceptCode(code, record: record)
        try await record.delete(on: context.db)
        try await AuditTrail.record("2fa_disabled", category: "security", userId: userId, context: context)
    }

    /// Checks a code for the signed-in user without changing anything else (step-up verification).
    func verify(for user: User, code: String) async throws {
        guard let record = try await record(for: try user.requireID()), record.enabled else {
            throw AuthError.twoFactorNotEnabled
        }
        try await acceptCode(code, record: record)
    }

    /// Replaces the backup codes; requires a current TOTP code.
    func regenerateBackupCodes(for user: User, code: String) async throws -> [String] {
        guard let record = try await record(for: try user.requireID()), record.enabled else {
            throw AuthError.twoFactorNotEnabled
        }
        try await acceptTOTP(code, record: record)
        let codes = Self.makeBackupCodes(count: context.authSettings.backupCodeCount)
        record.backupCodes = codes.map(hashBackupCode)
        record.backupCodesGeneratedAt = context.now
        try await record.save(on: context.db)
        try await AuditTrail.record(
            "2fa_backup_codes_regenerated", category: "security", userId: user.id, context: context)
        return codes
    }

    /// The login check: a TOTP code or an unused backup code.
    func verifyLoginCode(_ code: String, for user: User) async throws {
        let userId = try user.requireID()
        guard let record = try await record(for: userId), record.enabled else { return }
        // Six digits fall to guessing without a cap on attempts.
        let attempts = try await context.rateLimiter.hit("2fa:\(userId)", limit: 5, window: 900)
        guard attempts.allowed else { throw AuthError.accountLocked(retryAfter: attempts.retryAfter) }
        do {
            try await acceptCode(code, record: record)
        } catch {
            try await AuditTrail.record(
                "login_failed", category: "security", userId: user.id,
                metadata: ["reason": "two_factor_code"], context: context)
            throw error
        }
    }

    func requirePassword(_ password: String, of user: User) async throws {
        guard let hash = user.passwordHash, try await context.passwords.verify(password, created: hash) else {
            throw AuthError.invalidCredentials
        }
    }

    /// TOTP first; a backup code (crossed out on use) otherwise.
    private func acceptCode(_ code: String, record: UserTwoFactorAuth) async throws {
        let digits = code.filter { !$0.isWhitespace }
        if digits.count == TOTP.digits, digits.allSatisfy(\.isNumber) {
            try await acceptTOTP(digits, record: record)
            return
        }
        let hash = hashBackupCode(code)
        guard let index = record.backupCodes.firstIndex(where: { ConstantTime.equals($0, hash) }) else {
            throw AuthError.invalidCode(remainingAttempts: nil)
        }
        record.backupCodes.remove(at: index)
        try await record.save(on: context.db)
    }

    /// Accepts a TOTP code once: the step it matched is remembered so the same code cannot be replayed.
    private func acceptTOTP(_ code: String, record: UserTwoFactorAuth) async throws {
        let secret = try context.secrets.box.open(record.secretKey)
        guard let bytes = Base32.decode(secret),
            let step = TOTP(secret: bytes).matchingStep(for: code, at: context.now), step > record.lastUsedStep
        else { throw AuthError.invalidCode(remainingAttempts: nil) }
        record.lastUsedStep = step
        try await record.save(on: context.db)
    }

    private func hashBackupCode(_ code: String) -> String {
        let normalized = code.uppercased().filter { $0.isLetter || $0.isNumber }
        return context.hasher.hash(normalized, purpose: "2fa-backup")
    }

    /// `XXXX-XXXX` codes from an alphabet without look-alikes.
    static func makeBackupCodes(count: Int) -> [String] {
        (0..<count).map { _ in RandomToken.code(length: 4) + "-" + RandomToken.code(length: 4) }
    }
}
