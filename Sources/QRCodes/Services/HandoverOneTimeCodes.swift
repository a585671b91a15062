import Fluent
import Foundation
import Platform

/// The `maximum` level's second factor: at the handoff the traveler asks for a one-time code, which is texted
/// to the person handing over (the sender at pickup, the recipient at the drop), who reads it out. The scan
/// then carries it; it lapses after ten minutes and is stored only as a keyed hash.
public struct HandoverOneTimeCodes: Sendable {
    static let lifetime: TimeInterval = 10 * 60
    static let purpose = "qr-one-time-code"

    let context: CallContext

    public init(context: CallContext) {
        self.context = context
    }

    /// Texts a fresh code for `qrCodeId`; answers when it lapses.
    public func send(for qrCodeId: UUID, by traveler: Principal) async throws -> Date {
        guard let code = try await QRCodeRecord.find(qrCodeId, on: context.db), code.scannerId == traveler.userId
        else { throw QRCodeError.notFound }
        guard code.status == .active else { throw code.status == .used ? QRCodeError.alreadyUsed : QRCodeError.revoked }
        guard code.securityLevel == .maximum, let sealed = code.handoverPhoneSealed else {
            throw APIError.conflict(
                "This code does not use one-time codes (its level is \(code.securityLevel.rawValue))",
                code: "ONE_TIME_CODE_NOT_USED")
        }
        let phone = try context.secrets.box.open(sealed)
        let oneTime = RandomToken.numericCode(digits: 6)
        let expiresAt = context.now.addingTimeInterval(Self.lifetime)
        try await context.transaction { tx in
            code.oneTimeCodeHash = tx.secrets.hasher.hash(oneTime, purpose: Self.purpose)
            code.oneTimeCodeExpiresAt = expiresAt
            try await code.save(on: tx.db)
            try await SMSOutbox.enqueue(
                SMSMessage(
                    to: phone,
                    body: "Your P2P Delivery handoff code is \(oneTime). Read it to the traveler only when you hand "
                        + "the item over. It expires in 10 minutes.",
                    category: "handoff"),
                context: tx)
        }
        return expiresAt
    }

    /// Whether `typed` is the code last sent for `code`, still in time.
    static func matches(_ typed: String?, for code: QRCodeRecord, context: CallContext) -> Bool {
        guard let typed, let hash = code.oneTimeCodeHash, let until = code.oneTimeCodeExpiresAt, until > context.now
        else { return false }
        return context.secrets.hasher.matches(typed.filter(\.isNumber), purpose: purpose, hash: hash)
    }
}
