import Fluent
import Platform
import QRCodeKit
import Vapor

/// TOTP two-factor authentication: setup, enable, disable, backup codes, and code checks at login.
struct TwoFactorService {
    let req: Request

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
        try await UserTwoFactorAuth.query(on: req.db).filter(\.$user.$id == userId).first()
    }

    /// Creates (or replaces, while not enabled) the secret and backup codes; they are shown once, here.
    func setUp(for user: User) async throws -> Setup {
        let userId = try user.requireID()
        let existing = try await record(for: userId)
        if existing?.enabled == true { throw AuthError.twoFactorAlreadyEnabled }
        var generator = SystemRandomNumberGenerator()
        let secret = (0..<20).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let encoded = Base32.encode(secret)
        let codes = Self.makeBackupCodes(count: req.authContext.settings.backupCodeCount)
        let sealed = try req.application.secrets.box.seal(encoded)
        let hashes = codes.map(hashBackupCode)
        if let existing {
            existing.secretKey = sealed
            existing.backupCodes = hashes
            existing.backupCodesGeneratedAt = req.now
            existing.lastUsedStep = 0
            try await existing.save(on: req.db)
        } else {
            try await UserTwoFactorAuth(userId: userId, secretKey: sealed, backupCodes: hashes, generatedAt: req.now)
                .create(on: req.db)
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
        record.enabledAt = req.now
        try await record.save(on: req.db)
        try await AuditTrail.record("2fa_enabled", category: "security", userId: userId, on: req.db, req: req)
    }

    /// Turns 2FA off; requires the password and a current code (or a backup code).
    func disable(for user: User, password: String, code: String) async throws {
        let userId = try user.requireID()
        guard let record = try await record(for: userId), record.enabled else { throw AuthError.twoFactorNotEnabled }
        try await requirePassword(password, of: user)
        try await acceptCode(code, record: record)
        try await record.delete(on: req.db)
        try await AuditTrail.record("2fa_disabled", category: "security", userId: userId, on: req.db, req: req)
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
        let codes = Self.makeBackupCodes(count: req.authContext.settings.backupCodeCount)
        record.backupCodes = codes.map(hashBackupCode)
        record.backupCodesGeneratedAt = req.now
        try await record.save(on: req.db)
        try await AuditTrail.record(
            "2fa_backup_codes_regenerated", category: "security", userId: user.id, on: req.db, req: req)
        return codes
    }

    /// The login check: a TOTP code or an unused backup code.
    func verifyLoginCode(_ code: String, for user: User) async throws {
        let userId = try user.requireID()
        guard let record = try await record(for: userId), record.enabled else { return }
        // Six digits fall to guessing without a cap on attempts.
        let attempts = try await req.rateLimiter.hit("2fa:\(userId)", limit: 5, window: 900)
        guard attempts.allowed else { throw AuthError.accountLocked(retryAfter: attempts.retryAfter) }
        do {
            try await acceptCode(code, record: record)
        } catch {
            try await AuditTrail.record(
                "login_failed", category: "security", userId: user.id,
                metadata: ["reason": "two_factor_code"], on: req.db, req: req)
            throw error
        }
    }

    func requirePassword(_ password: String, of user: User) async throws {
        guard let hash = user.passwordHash, try await req.password.async.verify(password, created: hash) else {
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
        try await record.save(on: req.db)
    }

    /// Accepts a TOTP code once: the step it matched is remembered so the same code cannot be replayed.
    private func acceptTOTP(_ code: String, record: UserTwoFactorAuth) async throws {
        let secret = try req.application.secrets.box.open(record.secretKey)
        guard let bytes = Base32.decode(secret),
            let step = TOTP(secret: bytes).matchingStep(for: code, at: req.now), step > record.lastUsedStep
        else { throw AuthError.invalidCode(remainingAttempts: nil) }
        record.lastUsedStep = step
        try await record.save(on: req.db)
    }

    private func hashBackupCode(_ code: String) -> String {
        let normalized = code.uppercased().filter { $0.isLetter || $0.isNumber }
        return req.hasher.hash(normalized, purpose: "2fa-backup")
    }

    /// `XXXX-XXXX` codes from an alphabet without look-alikes.
    static func makeBackupCodes(count: Int) -> [String] {
        (0..<count).map { _ in RandomToken.code(length: 4) + "-" + RandomToken.code(length: 4) }
    }
}
