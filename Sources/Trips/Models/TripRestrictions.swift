import Foundation
import Platform

/// What a traveler agrees to carry (`trips.restrictions`).
public struct TripRestrictions: Codable, Sendable, Equatable {
    /// Empty means every category.
    public var acceptedCategories: [ItemCategory]
    /// The most valuable item accepted, in minor units of the trip's currency; nil means no limit.
    public var maxItemValue: Int64?
    public var fragileOk: Bool
    public var perishableOk: Bool
    /// The heaviest single item, in kilograms; nil means only the trip's capacity limits it.
    public var maxItemWeight: Double?
    public var notes: String?

    public init(
        acceptedCategories: [ItemCategory] = [], maxItemValue: Int64? = nil, fragileOk: Bool = true,
        perishableOk: Bool = false, maxItemWeight: Double? = nil, notes: String? = nil
    ) {
        self.acceptedCategories = acceptedCategories
        self.maxItemValue = maxItemValue
        self.fragileOk = fragileOk
        self.perishableOk = perishableOk
        self.maxItemWeight = maxItemWeight
        self.notes = notes
    }

    public func accepts(_ category: ItemCategory) -> Bool {
        acceptedCategories.isEmpty || acceptedCategories.contains(category)
    }
}

/// How a recurring trip repeats (`trips.recurring_pattern`).
public struct RecurringPattern: Codable, Sendable, Equatable {
    public enum Frequency: String, Codable, Sendable, CaseIterable {
        case daily, weekly
    }

    public var frequency: Frequency
    /// Every `interval` days or weeks; 1 by default.
    public var interval: Int
    /// ISO weekdays (1 = Monday … 7 = Sunday) for weekly patterns; the first trip's weekday when empty.
    public var daysOfWeek: [Int]
    /// Last day (inclusive, UTC) a repetition may depart on.
    public var endDate: Date?
    /// How many trips to create besides the first.
    public var occurrences: Int?

    public init(
        frequency: Frequency, interval: Int = 1, daysOfWeek: [Int] = [], endDate: Date? = nil, occurrences: Int? = nil
    ) {
        self.frequency = frequency
        self.interval = interval
        self.daysOfWeek = daysOfWeek
        self.endDate = endDate
        self.occurrences = occurrences
    }
}
