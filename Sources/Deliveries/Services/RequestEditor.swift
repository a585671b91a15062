import Foundation
import Payments
import Platform
import Trips

/// Validates a `DeliveryRequestInput` and applies it to a new or pending request, one 422 for every broken rule.
struct RequestEditor {
    static let maxLeadTime: TimeInterval = 180 * 24 * 3600
    static let maxOpenFor: TimeInterval = 30 * 24 * 3600
    /// Without a delivery window the item may arrive up to this long after the pickup window closes.
    static let defaultDeliverySpan: TimeInterval = 14 * 24 * 3600
    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    let now: Date
    let geocoder: any Geocoder
    let customerId: UUID
    let defaultCurrency: String
    /// Prices the stored estimate.
    let pricing: PricingFactorSet

    func apply(_ input: DeliveryRequestInput, to request: DeliveryRequest, isNew: Bool) async throws {
        var check = RuleCheck()
        applyDetails(input, to: request, isNew: isNew, check: &check)
        applyItem(input.item, to: request, isNew: isNew, check: &check)
        try await applyEnds(input, to: request, isNew: isNew, check: &check)
        applyPricing(input, to: request, isNew: isNew, check: &check)
        applyPreferences(input, to: request, check: &check)
        try check.throwIfBroken()
        if request.$value.value != nil, request.$category.value != nil, request.$urgency.value != nil {
            request.estimatedPrice = request.priceEstimate(pricing, at: now).recommended.amount
        }
    }

    private func applyDetails(
        _ input: DeliveryRequestInput, to request: DeliveryRequest, isNew: Bool, check: inout RuleCheck
    ) {
        if let title = input.title?.trimmed {
            check.require((3...120).contains(title.count), "title must be 3 to 120 characters")
            request.title = title
        } else if isNew {
            check.fail("title is required")
        }
        if let description = input.description?.trimmed {
            check.require(description.count <= 2000, "description must be at most 2000 characters")
            request.description = description.isEmpty ? nil : description
        }
        if let raw = input.category {
            if let category = ItemCategory(rawValue: raw) {
                request.category = category
            } else {
                check.fail("category must be one of \(ItemCategory.list)")
            }
        } else if isNew {
            check.fail("category is required")
        }
        if let raw = input.urgency {
            if let urgency = Urgency(rawValue: raw) {
                request.urgency = urgency
            } else {
                check.fail("urgency must be one of standard, express, urgent")
            }
        }
        if let tags = input.tags {
            request.tags = TextRules.tags(tags, into: &check)
        }
        if let instructions = input.specialInstructions?.trimmed {
            check.require(instructions.count <= 1000, "specialInstructions must be at most 1000 characters")
            request.specialInstructions = instructions.isEmpty ? nil : instructions
        }
    }

    private func applyItem(_ input: ItemInput?, to request: DeliveryRequest, isNew: Bool, check: inout RuleCheck) {
        guard let input else {
            if isNew { check.fail("item is required") }
            return
        }
        if let name = input.name?.trimmed {
            check.require((1...120).contains(name.count), "item.name must be 1 to 120 characters")
            request.itemName = name
        } else if isNew {
            check.fail("item.name is required")
        }
        if let description = input.description?.trimmed {
            check.require(description.count <= 1000, "item.description must be at most 1000 characters")
            request.itemDescription = description.isEmpty ? nil : description
        }
        if let weight = input.weight {
            check.require(weight > 0 && weight <= 100, "item.weight must be more than 0 and at most 100 kg")
            request.weight = weight.roundedCapacity
        } else if isNew {
            check.fail("item.weight is required")
        }
        if let quantity = input.quantity {
            check.require((1...20).contains(quantity), "item.quantity must be between 1 and 20")
            request.quantity = quantity
        }
        if let value = input.value {
            check.require((0...10_000_000).contains(value), "item.value must be 0 to 10000000 minor units")
            request.value = value
        } else if isNew {
            check.fail("item.value is required (minor units; 0 for items of no value)")
        }
        if let dimensions = input.dimensions {
            let sides = [dimensions.length, dimensions.width, dimensions.height]
            if sides.allSatisfy({ $0 != nil && $0! > 0 && $0! <= 300 }) {
                request.dimensions = DeliveryRequest.Dimensions(
                    length: dimensions.length!, width: dimensions.width!, height: dimensions.height!)
            } else {
                check.fail("item.dimensions needs length, width and height, each more than 0 and at most 300 cm")
            }
        }
        if let images = input.images {
            check.require(images.count <= 10, "item.images must have at most 10 entries")
            check.require(
                images.allSatisfy { $0.hasPrefix("https://") || $0.hasPrefix("/api/v1/") },
                "item.images must be https URLs")
            request.itemImages = images
        }
        if input.isHazardous == true { check.fail("hazardous items cannot be sent through the platform") }
        request.isFragile = input.isFragile ?? request.isFragile
        request.isPerishable = input.isPerishable ?? request.isPerishable
        request.requiresSignature = input.requiresSignature ?? request.requiresSignature
    }
}
