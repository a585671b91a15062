import Fluent
import Platform
import Vapor

/// Payments (original service 3007). So far the double-entry ledger every money movement posts to, and escrow;
/// payment intents, payouts and refunds build on them.
public struct PaymentsModule: PlatformModule {
    public init() {}

    public var name: String { "payments" }

    public var migrations: [any Migration] {
        [CreateLedgerAccounts(), CreateLedgerTransfers(), CreateLedgerEntries(), CreateEscrowAccounts()]
    }

    public func boot(_ app: Application) async throws {}

    public func routes(_ root: any RoutesBuilder) throws {}
}
