import Platform

// `TripEditor`'s single-field rules, stated for the OpenAPI document. What depends on the clock or on other
// fields (a departure in the future, an arrival after it, a weight within the trip type's limit, origin and
// destination 1 km apart) is said in words, and listed in scripts/api-fuzz/schemathesis.toml.

extension TripInput: DocumentedFields {
    public static var fieldRules: [String: FieldRule] {
        [
            "title": .text(3...120), "description": .text(upTo: 2000), "tripType": .oneOf(TripType.self),
            "visibility": .oneOf(TripVisibility.self), "tags": .tags,
            "departureTime": .format("date-time").described("in the future, within a year"),
            "arrivalTime": .format("date-time").described("after departureTime, at most 14 days later"),
            "autoAcceptPrice": .integer(0...TripEditor.maxPrice).described("required when autoAccept is true"),
        ]
    }
}

extension PlaceInput: DocumentedFields {
    public static var fieldRules: [String: FieldRule] {
        [
            "address": .text(1...300), "airport": .trimmedMatching("[A-Za-z]{3}").described("IATA code"),
            "terminal": .characters(upTo: 20), "details": .characters(upTo: 500),
        ]
    }
}

extension CapacityInput: DocumentedFields {
    public static var fieldRules: [String: FieldRule] {
        [
            "weight": .number(above: 0, upTo: TripType.allCases.map(\.maxWeightKg).max() ?? 0)
                .described("kilograms, at most 50 for a flight, 100 by train, bus or ferry, 500 by car"),
            "volume": .number(0...TripEditor.maxVolumeLitres), "items": .integer(1...Int64(TripEditor.maxItems)),
        ]
    }
}

extension PricingInput: DocumentedFields {
    public static var fieldRules: [String: FieldRule] {
        let price = FieldRule.integer(0...TripEditor.maxPrice)
        let multiplier = FieldRule.number(TripEditor.multiplierRange)
        return [
            "basePrice": price, "pricePerKg": price, "pricePerKm": price, "expressMultiplier": multiplier,
            "fragileMultiplier": multiplier, "currency": .currency,
        ]
    }
}

extension RestrictionsInput: DocumentedFields {
    public static var fieldRules: [String: FieldRule] {
        [
            "acceptedCategories": .list(0...ItemCategory.allCases.count, each: .oneOf(ItemCategory.self)),
            "maxItemValue": .integer(1...TripEditor.maxPrice),
            "maxItemWeight": .number(above: 0, upTo: 500).described("at most the trip's weight capacity"),
            "notes": .text(upTo: 500),
        ]
    }
}

extension RecurringPatternInput: DocumentedFields {
    public static var fieldRules: [String: FieldRule] {
        [
            "frequency": .oneOf(RecurringPattern.Frequency.self).required, "interval": .integer(1...30),
            "daysOfWeek": .list(0...7, each: .integer(1...7)).described("weekly patterns only; 1 is Monday"),
            "endDate": .format("date"), "occurrences": .integer(1...Int64(RecurringSchedule.maxOccurrences)),
        ]
    }
}

extension TripInput {
    /// What `POST /trips` needs; an update may carry any subset.
    static let requiredOnCreation = [
        "title", "tripType", "origin", "origin.address", "destination", "destination.address", "departureTime",
        "arrivalTime", "capacity", "capacity.weight", "pricing", "pricing.basePrice",
    ]
}

extension TemplateInput: DocumentedFields {
    public static var fieldRules: [String: FieldRule] {
        [
            "name": .text(TemplateRules.nameLength), "description": .text(upTo: TemplateRules.maxDescription),
            "category": .trimmedMatching("[A-Za-z0-9_-]{2,40}")
                .described("letters, digits, hyphens or underscores"),
        ]
    }
}

extension CapacityAmountInput: DocumentedFields {
    static var fieldRules: [String: FieldRule] {
        [
            "weight": .number(0...500).described("kilograms; weight or volume must be more than 0"),
            "volume": .number(0...2000), "items": .integer(1...50),
            "note": .text(upTo: CapacityService.maxNoteLength),
        ]
    }
}
