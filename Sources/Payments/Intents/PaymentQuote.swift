import Foundation
import Platform

/// What a customer pays for an offer, itemised: the traveler's price, the platform's commission (taken from the
/// traveler's price), the processing fee and insurance (added to it) and credits applied (taken off the total).
public struct PaymentQuote: Sendable, Equatable, Codable {
    public var travelerPrice: Int64
    public var platformFee: Int64
    public var processingFee: Int64
    public var insuranceFee: Int64
    public var creditsApplied: Int64
    public var currency: String

    public init(
        travelerPrice: Int64, platformFee: Int64, processingFee: Int64, insuranceFee: Int64, creditsApplied: Int64,
        currency: String
    ) {
        self.travelerPrice = travelerPrice
        self.platformFee = platformFee
        self.processingFee = processingFee
        self.insuranceFee = insuranceFee
        self.creditsApplied = creditsApplied
        self.currency = currency.uppercased()
    }

    /// What the card is charged.
    public var total: Int64 { travelerPrice + processingFee + insuranceFee - creditsApplied }
    /// What the traveler earns on release.
    public var travelerEarnings: Int64 { travelerPrice - platformFee }
    public var totalFees: Int64 { platformFee + processingFee + insuranceFee }
}

/// The rates a quote is computed with, read from the pricing factors (`PricingFactorSet.feeSchedule(at:)`), so
/// that an admin's edit of the commission or a fee applies to the next charge. Rates are in basis points (1/100
/// of a percent) so that every amount is exact integer arithmetic, rounded half up to the minor unit.
public struct FeeSchedule: Sendable, Equatable, Codable {
    /// The platform's share of the traveler's price.
    public var commissionBasisPoints: Int64
    /// The card processor's rate on the amount charged, passed on to the customer…
    public var processingBasisPoints: Int64
    /// …plus its fixed part per charge, in minor units.
    public var processingFixed: Int64
    /// Insurance premium on the declared value, when the customer chooses it.
    public var insuranceBasisPoints: Int64
    /// The smallest premium, in minor units.
    public var insuranceMinimum: Int64

    public init(
        commissionBasisPoints: Int64, processingBasisPoints: Int64, processingFixed: Int64,
        insuranceBasisPoints: Int64, insuranceMinimum: Int64
    ) {
        self.commissionBasisPoints = commissionBasisPoints
        self.processingBasisPoints = processingBasisPoints
        self.processingFixed = processingFixed
        self.insuranceBasisPoints = insuranceBasisPoints
        self.insuranceMinimum = insuranceMinimum
    }

    /// The quote for a traveler's `price`; `insuredValue` when the customer insures the item.
    public func quote(
        price: Int64, currency: String, insuredValue: Int64? = nil, credits: Int64 = 0
    )
        -> PaymentQuote
    {
        let insurance = insuredValue.map { max(insuranceMinimum, Self.share($0, insuranceBasisPoints)) } ?? 0
        let applied = min(max(0, credits), price)
        let charged = price + insurance - applied
        return PaymentQuote(
            travelerPrice: price, platformFee: Self.share(price, commissionBasisPoints),
            processingFee: charged > 0 ? Self.share(charged, processingBasisPoints) + processingFixed : 0,
            insuranceFee: insurance, creditsApplied: applied, currency: currency)
    }

    /// `amount × basisPoints / 10 000`, rounded half up.
    static func share(_ amount: Int64, _ basisPoints: Int64) -> Int64 {
        PricingMath.share(amount, basisPoints)
    }
}
