import Foundation

extension DeliveryRequest {
    /// A new pending request with this one's item, ends, prices and preferences, for `customerId`.
    func copy(for customerId: UUID) -> DeliveryRequest {
        let copy = DeliveryRequest(customerId: customerId)
        copy.title = title
        copy.description = description
        copy.category = category
        copy.urgency = urgency
        copy.itemName = itemName
        copy.itemDescription = itemDescription
        copy.quantity = quantity
        copy.weight = weight
        copy.dimensions = dimensions
        copy.value = value
        copy.isFragile = isFragile
        copy.isPerishable = isPerishable
        copy.requiresSignature = requiresSignature
        copy.itemImages = itemImages
        copy.pickupAddress = pickupAddress
        copy.pickupContactName = pickupContactName
        copy.pickupContactPhone = pickupContactPhone
        copy.pickupInstructions = pickupInstructions
        copy.pickupTimeStart = pickupTimeStart
        copy.pickupTimeEnd = pickupTimeEnd
        copy.flexiblePickupTiming = flexiblePickupTiming
        copy.preferredPickupDays = preferredPickupDays
        copy.deliveryAddress = deliveryAddress
        copy.deliveryContactName = deliveryContactName
        copy.deliveryContactPhone = deliveryContactPhone
        copy.deliveryInstructions = deliveryInstructions
        copy.deliveryTimeStart = deliveryTimeStart
        copy.deliveryTimeEnd = deliveryTimeEnd
        copy.requiresRecipientPresence = requiresRecipientPresence
        copy.route(from: pickupCoordinates, to: deliveryCoordinates)
        copy.currency = currency
        copy.maxPrice = maxPrice
        copy.autoAcceptPrice = autoAcceptPrice
        copy.autoAcceptPaymentMethod = autoAcceptPaymentMethod
        copy.estimatedPrice = estimatedPrice
        copy.preferredTravelers = preferredTravelers
        copy.blacklistedTravelers = blacklistedTravelers
        copy.minTravelerRating = minTravelerRating
        copy.verificationRequired = verificationRequired
        copy.insuranceRequired = insuranceRequired
        copy.backgroundCheckRequired = backgroundCheckRequired
        copy.notificationPreferences = notificationPreferences
        copy.specialInstructions = specialInstructions
        copy.tags = tags
        copy.expiresAt = expiresAt
        return copy
    }
}
