import Foundation

/// How the traveler moves (`trip_type_enum`).
public enum TripType: String, Codable, Sendable, CaseIterable {
    case flight, train, bus, car, ferry, other

    /// The most a traveler may offer on one trip of this kind, in kilograms: checked luggage on a flight,
    /// what one person can carry on a train, bus or ferry, a boot's worth by car.
    public var maxWeightKg: Double {
        switch self {
        case .flight: 50
        case .train, .bus, .ferry: 100
        case .car, .other: 500
        }
    }
}

/// Who can find a trip (`trip_visibility_enum`): private trips never appear in search or matching.
public enum TripVisibility: String, Codable, Sendable, CaseIterable {
    case `public`, `private`
}

/// What customers send (`item_category_enum`); shared by trips' accepted categories and delivery requests.
public enum ItemCategory: String, Codable, Sendable, CaseIterable {
    case documents, electronics, clothing, accessories, books, food, medicine, cosmetics, gifts, toys, sports
    case art, jewelry, other

    public static var list: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
