/// A payment method as the API takes it: the provider's id (`pm_card_visa`, `pm_1Q…`), never card details.
enum PaymentMethodID {
    static func isWellFormed(_ id: String) -> Bool {
        (1...255).contains(id.count) && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}
