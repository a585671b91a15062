import QRCodes

/// What a customer asks of a booking beyond the offer, carried through the payment (which does not read it) to
/// the booking its success makes.
struct BookingDetails: Sendable {
    var specialRequests: String?
    var handoffSecurity: QRSecurityLevel = .standard

    init(specialRequests: String? = nil, handoffSecurity: QRSecurityLevel = .standard) {
        self.specialRequests = specialRequests
        self.handoffSecurity = handoffSecurity
    }

    init(_ encoded: [String: String]) {
        specialRequests = encoded["specialRequests"]
        handoffSecurity = encoded["handoffSecurity"].flatMap(QRSecurityLevel.init(rawValue:)) ?? .standard
    }

    var encoded: [String: String] {
        var encoded = ["handoffSecurity": handoffSecurity.rawValue]
        encoded["specialRequests"] = specialRequests
        return encoded
    }
}
