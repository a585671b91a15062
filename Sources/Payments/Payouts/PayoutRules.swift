/// What a payout must meet and what an instant one costs, in minor units.
public enum PayoutRules {
    /// The smallest standard payout; smaller balances wait for the next run.
    public static let standardMinimum: Int64 = 1_000
    /// The smallest instant payout.
    public static let instantMinimum: Int64 = 500
    /// Instant payouts cost 1 % (basis points), at least `instantFeeMinimum`.
    public static let instantFeeBasisPoints: Int64 = 100
    public static let instantFeeMinimum: Int64 = 50
    /// How often the standard payout run pays every available balance out.
    public static let standardInterval: Double = 7 * 24 * 3600

    public static func fee(for amount: Int64, type: PayoutType) -> Int64 {
        guard type == .instant else { return 0 }
        return max(instantFeeMinimum, (amount * instantFeeBasisPoints + 5_000) / 10_000)
    }

    public static func minimum(for type: PayoutType) -> Int64 {
        type == .instant ? instantMinimum : standardMinimum
    }
}
