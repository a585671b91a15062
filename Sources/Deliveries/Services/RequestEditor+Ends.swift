import Foundation
import Platform
import Trips

extension RequestEditor {
    /// Pickup and delivery: places (geocoded when coordinates are missing), contacts and time windows.
    func applyEnds(
        _ input: DeliveryRequestInput, to request: DeliveryRequest, isNew: Bool, check: inout RuleCheck
    )
        async throws
    {
        guard isNew || input.pickup != nil || input.delivery != nil else { return }
        let pickup = try await endpoint(input.pickup, field: "pickup", isNew: isNew, check: &check)
        let delivery = try await endpoint(input.delivery, field: "delivery", isNew: isNew, check: &check)
        if let pickup {
            if let address = pickup.address { request.pickupAddress = address }
            if let name = pickup.contactName { request.pickupContactName = name }
            if let phone = pickup.contactPhone { request.pickupContactPhone = phone }
            if let instructions = pickup.instructions { request.pickupInstructions = instructions }
            request.flexiblePickupTiming = input.pickup?.flexibleTiming ?? request.$flexiblePickupTiming.value ?? false
            if let days = input.pickup?.preferredDays {
                let cleaned = days.map { $0.lowercased() }
                check.require(cleaned.allSatisfy(Self.weekdays.contains), "pickup.preferredDays must be weekday names")
                request.preferredPickupDays = cleaned
            }
        }
        if let delivery {
            if let address = delivery.address { request.deliveryAddress = address }
            if let name = delivery.contactName { request.deliveryContactName = name }
            if let phone = delivery.contactPhone { request.deliveryContactPhone = phone }
            if let instructions = delivery.instructions { request.deliveryInstructions = instructions }
            request.requiresRecipientPresence =
                input.delivery?.requiresRecipientPresence ?? request.$requiresRecipientPresence.value ?? false
        }
        let from = pickup?.coordinates ?? request.$pickupCoordinates.value
        let to = delivery?.coordinates ?? request.$deliveryCoordinates.value
        if let from, let to {
            check.require(from.distanceKm(to: to) >= 1, "delivery must be at least 1 km from pickup")
            request.route(from: from, to: to)
        }
        applyWindows(pickup?.window, delivery?.window, to: request, isNew: isNew, check: &check)
    }

    private func applyWindows(
        _ pickup: (start: Date?, end: Date?)?, _ delivery: (start: Date?, end: Date?)?, to request: DeliveryRequest,
        isNew: Bool, check: inout RuleCheck
    ) {
        guard isNew || pickup != nil || delivery != nil else { return }
        guard let pickupStart = pickup?.start ?? request.$pickupTimeStart.value,
            let pickupEnd = pickup?.end ?? request.$pickupTimeEnd.value
        else {
            if isNew { check.fail("pickup.timeWindow with start and end is required") }
            return
        }
        let deliveryStart = delivery?.start ?? (isNew ? pickupStart : request.deliveryTimeStart)
        let deliveryEnd =
            delivery?.end ?? (isNew ? pickupEnd.addingTimeInterval(Self.defaultDeliverySpan) : request.deliveryTimeEnd)
        check.require(pickupEnd > pickupStart, "pickup.timeWindow.end must be after its start")
        check.require(pickupEnd > now, "pickup.timeWindow.end must be in the future")
        check.require(
            pickupStart <= now.addingTimeInterval(Self.maxLeadTime), "pickup.timeWindow.start must be within 180 days")
        check.require(deliveryEnd > deliveryStart, "delivery.timeWindow.end must be after its start")
        check.require(deliveryEnd > pickupStart, "delivery.timeWindow.end must be after the pickup window starts")
        request.pickupTimeStart = pickupStart
        request.pickupTimeEnd = pickupEnd
        request.deliveryTimeStart = deliveryStart
        request.deliveryTimeEnd = deliveryEnd
        // Open for offers until the pickup window closes, and never longer than 30 days.
        request.expiresAt = min(pickupEnd, now.addingTimeInterval(Self.maxOpenFor))
    }

    private struct Endpoint {
        var address: String?
        var coordinates: GeoPoint?
        var contactName: String?
        var contactPhone: String?
        var instructions: String?
        var window: (start: Date?, end: Date?)?
    }

    private func endpoint(
        _ input: EndpointInput?, field: String, isNew: Bool, check: inout RuleCheck
    ) async throws
        -> Endpoint?
    {
        guard let input else {
            if isNew { check.fail("\(field) is required") }
            return nil
        }
        var result = Endpoint()
        if let address = input.address?.trimmed {
            check.require((1...300).contains(address.count), "\(field).address must be 1 to 300 characters")
            result.address = address
        } else if isNew {
            check.fail("\(field).address is required")
        }
        if let point = input.coordinates {
            if point.isValid {
                result.coordinates = point
            } else {
                check.fail("\(field).coordinates must have lat in -90…90 and lng in -180…180")
            }
        } else if let address = result.address, !address.isEmpty {
            result.coordinates = try await geocoder.geocode(address, limit: 1).first?.coordinates
            if result.coordinates == nil {
                check.fail("\(field).coordinates are required: \"\(address)\" could not be located")
            }
        }
        if let name = input.contactName?.trimmed {
            check.require((1...100).contains(name.count), "\(field).contactName must be 1 to 100 characters")
            result.contactName = name
        } else if isNew {
            check.fail("\(field).contactName is required")
        }
        if let phone = input.contactPhone?.trimmed {
            check.require(
                TextRules.isPhoneNumber(phone), "\(field).contactPhone must be an E.164 number such as +447700900123")
            result.contactPhone = phone
        } else if isNew {
            check.fail("\(field).contactPhone is required")
        }
        if let instructions = input.instructions?.trimmed {
            check.require(instructions.count <= 500, "\(field).instructions must be at most 500 characters")
            result.instructions = instructions
        }
        if let window = input.timeWindow {
            result.window = (
                ISOTimestamp.parse(window.start, field: "\(field).timeWindow.start", into: &check),
                ISOTimestamp.parse(window.end, field: "\(field).timeWindow.end", into: &check)
            )
        }
        return result
    }

    func applyPricing(_ input: DeliveryRequestInput, to request: DeliveryRequest, isNew: Bool, check: inout RuleCheck) {
        if isNew {
            request.currency = defaultCurrency
            if let code = input.currency {
                if let currency = Currency(code: code.uppercased()) {
                    request.currency = currency.code
                } else {
                    check.fail("currency must be an ISO 4217 currency code the platform supports")
                }
            }
        } else if input.currency != nil {
            check.fail("currency cannot change after the request is posted")
        }
        if let maxPrice = input.maxPrice {
            check.require(
                maxPrice > 0 && maxPrice <= 100_000_000,
                "maxPrice must be more than 0 and at most 100000000 minor units")
            request.maxPrice = maxPrice
        } else if isNew {
            check.fail("maxPrice is required")
        }
        if let autoAccept = input.autoAcceptPrice {
            check.require(autoAccept > 0, "autoAcceptPrice must be more than 0")
            request.autoAcceptPrice = autoAccept
        }
        if let method = input.autoAcceptPaymentMethod?.trimmingCharacters(in: .whitespacesAndNewlines) {
            check.require(
                PaymentMethodID.isWellFormed(method),
                "autoAcceptPaymentMethod must be a payment method id (letters, digits and _, at most 255)")
            request.autoAcceptPaymentMethod = method
        }
        if let autoAccept = request.autoAcceptPrice, let maxPrice = request.$maxPrice.value {
            check.require(autoAccept <= maxPrice, "autoAcceptPrice must not exceed maxPrice")
        }
        // An offer accepted by itself is paid for by itself: the rule needs the card to charge.
        check.require(
            request.autoAcceptPrice == nil || request.autoAcceptPaymentMethod != nil,
            "autoAcceptPaymentMethod is required with autoAcceptPrice")
    }

    func applyPreferences(_ input: DeliveryRequestInput, to request: DeliveryRequest, check: inout RuleCheck) {
        func ids(_ raw: [String]?, _ field: String) -> [UUID]? {
            guard let raw else { return nil }
            let parsed = raw.compactMap(UUID.init(uuidString:))
            check.require(parsed.count == raw.count, "\(field) must be user ids")
            check.require(parsed.count <= 50, "\(field) must have at most 50 entries")
            check.require(!parsed.contains(customerId), "\(field) cannot include yourself")
            return Array(Set(parsed))
        }
        if let preferred = ids(input.preferredTravelers, "preferredTravelers") {
            request.preferredTravelers = preferred
        }
        if let blacklisted = ids(input.blacklistedTravelers, "blacklistedTravelers") {
            request.blacklistedTravelers = blacklisted
        }
        check.require(
            Set(request.preferredTravelers).isDisjoint(with: request.blacklistedTravelers),
            "a traveler cannot be both preferred and blacklisted")
        if let rating = input.minTravelerRating {
            check.require((1...5).contains(rating), "minTravelerRating must be between 1 and 5")
            request.minTravelerRating = rating
        }
        request.verificationRequired = input.verificationRequired ?? request.verificationRequired
        request.insuranceRequired = input.insuranceRequired ?? request.insuranceRequired
        request.backgroundCheckRequired = input.backgroundCheckRequired ?? request.backgroundCheckRequired
        if let preferences = input.notificationPreferences {
            let size = (try? JSONEncoder().encode(preferences).count) ?? 0
            check.require(size <= 2048, "notificationPreferences must be at most 2048 bytes of JSON")
            request.notificationPreferences = preferences
        }
    }
}
