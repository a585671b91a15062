import Platform
import Trips

// `RequestEditor`'s single-field rules, stated for the OpenAPI document. What depends on the clock or on other
// fields (windows in the future and in order, drop-off 1 km from pickup, autoAcceptPrice within maxPrice, a
// traveler not both preferred and blacklisted) is said in words, and listed in scripts/api-fuzz/schemathesis.toml.

extension DeliveryRequestInput: DocumentedFields {
    /// What `POST /delivery-requests` needs; an update may carry any subset.
    static let requiredOnCreation = [
        "title", "category", "item", "item.name", "item.weight", "item.value", "pickup", "pickup.address",
        "pickup.contactName", "pickup.contactPhone", "pickup.timeWindow", "pickup.timeWindow.start",
        "pickup.timeWindow.end", "delivery", "delivery.address", "delivery.contactName", "delivery.contactPhone",
        "delivery.timeWindow", "delivery.timeWindow.start", "delivery.timeWindow.end", "maxPrice",
    ]

    public static var fieldRules: [String: FieldRule] {
        let travelers = FieldRule.list(0...50, each: .format("uuid"))
        return [
            "title": .text(3...120), "description": .text(upTo: 2000), "category": .oneOf(ItemCategory.self),
            "urgency": .oneOf(["standard", "express", "urgent"]),
            "maxPrice": .integer(1...100_000_000), "currency": .currency,
            "autoAcceptPrice": .integer(1...100_000_000).described("at most maxPrice; needs autoAcceptPaymentMethod"),
            "autoAcceptPaymentMethod": FieldRule.trimmedMatching("[A-Za-z0-9_]{1,255}"),
            "preferredTravelers": travelers, "blacklistedTravelers": travelers,
            "minTravelerRating": .number(1...5), "specialInstructions": .text(upTo: 1000), "tags": .tags,
        ]
    }
}

extension ItemInput: DocumentedFields {
    public static var fieldRules: [String: FieldRule] {
        [
            "name": .text(1...120), "description": .text(upTo: 1000), "weight": .number(above: 0, upTo: 100),
            "value": .integer(0...10_000_000), "quantity": .integer(1...20),
            "isHazardous": .only(false).described("hazardous items cannot be sent"),
            "images": .list(0...10, each: .matching("^(https://|/api/v1/)[^\\u0000-\\u001F\\u007F]*$")),
        ]
    }
}

extension DimensionsInput: DocumentedFields {
    public static var fieldRules: [String: FieldRule] {
        let side = FieldRule.number(above: 0, upTo: 300).required
        return ["length": side, "width": side, "height": side]
    }
}

extension EndpointInput: DocumentedFields {
    public static var fieldRules: [String: FieldRule] {
        [
            "address": .text(1...300), "contactName": .text(1...100),
            "contactPhone": .trimmedMatching("\\+[0-9]{8,15}").described("E.164"),
            "instructions": .text(upTo: 500),
            "preferredDays": .list(0...7, each: .oneOf(RequestEditor.weekdays)).described("pickup only"),
        ]
    }
}

extension TimeWindowInput: DocumentedFields {
    public static var fieldRules: [String: FieldRule] {
        ["start": .format("date-time"), "end": .format("date-time").described("after start, in the future")]
    }
}
