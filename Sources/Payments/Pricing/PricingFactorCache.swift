import Fluent
import Foundation
import NIOConcurrencyHelpers
import Platform
import SQLKit
import Vapor

/// The pricing factors as last read, reused while the table is unchanged.
///
/// Each read first asks the table for its row count and the total of its rows' versions (one aggregate over a
/// few dozen rows); every edit raises a version, so a changed total means an edit since the last load, on this
/// node or another, and the rows are read again. An admin's edit therefore prices the very next quote,
/// without a restart and without a time to live to wait out.
public final class PricingFactorCache: Sendable {
    private struct Loaded: Sendable {
        var stamp: Stamp
        var factors: PricingFactorSet
    }

    struct Stamp: Sendable, Equatable {
        var rows: Int
        var versions: Int
    }

    private let loaded = NIOLockedValueBox<Loaded?>(nil)

    public init() {}

    /// The current factors, read on `db` (inside a transaction, its uncommitted edits count).
    public func factors(on db: any Database) async throws -> PricingFactorSet {
        let stamp = try await Self.stamp(on: db)
        if let cached = loaded.withLockedValue({ $0 }), cached.stamp == stamp { return cached.factors }
        let factors = try await PricingFactorSet.load(on: db)
        loaded.withLockedValue { $0 = Loaded(stamp: stamp, factors: factors) }
        return factors
    }

    /// The cast keeps the total an integer: PostgreSQL sums a bigint column as numeric.
    static func stamp(on db: any Database) async throws -> Stamp {
        let row = try await db.sqlDatabase.raw(
            "SELECT COUNT(*) AS rows_count, CAST(COALESCE(SUM(version), 0) AS BIGINT) AS versions FROM pricing_factors"
        ).first()
        return Stamp(
            rows: try row?.decode(column: "rows_count", as: Int.self) ?? 0,
            versions: try row?.decode(column: "versions", as: Int.self) ?? 0)
    }
}

extension Application {
    private struct PricingFactorCacheKey: StorageKey {
        typealias Value = PricingFactorCache
    }

    /// The application's pricing factor cache, installed when the payments module boots.
    public var pricingFactorCache: PricingFactorCache? {
        get { storage[PricingFactorCacheKey.self] }
        set { storage[PricingFactorCacheKey.self] = newValue }
    }
}

extension CallContext {
    /// The pricing factors for this call: one snapshot, read through the application's cache.
    public func pricingFactors() async throws -> PricingFactorSet {
        var factors: PricingFactorSet
        if let cache = application.pricingFactorCache {
            factors = try await cache.factors(on: db)
        } else {
            factors = try await PricingFactorSet.load(on: db)
        }
        factors.rates = try await exchangeRates.table()
        return factors
    }
}

extension PricingFactorSet {
    /// The factors as stored, read without the cache (for callers that hold only a database, such as a
    /// personal-data export).
    public static func load(on db: any Database) async throws -> PricingFactorSet {
        PricingFactorSet(try await PricingFactor.query(on: db).all().map(\.rule))
    }
}
