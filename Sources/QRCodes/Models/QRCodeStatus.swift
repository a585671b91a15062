/// A handoff code's state (`qr_status_enum`): `active` until it is used once, expires or is revoked.
public enum QRCodeStatus: String, Codable, Sendable, CaseIterable {
    case active, used, expired, revoked
}

/// What a scan came to (`scan_result_enum`); every value but `success` has its error code.
public enum QRScanResult: String, Codable, Sendable, CaseIterable {
    case success
    /// Not a platform code.
    case foreign
    /// A platform code that does not authenticate, or a backup code nobody issued.
    case invalid
    case expired, used, revoked
    /// The scanner is not the traveler of the delivery.
    case wrongParty = "wrong_party"
    /// A code of another delivery, or a pickup code offered at the drop.
    case wrongCode = "wrong_code"
    /// The delivery code before the pickup was verified.
    case outOfOrder = "out_of_order"
    /// A high-level code scanned away from its place, or from another device.
    case outOfRadius = "out_of_radius"
    case wrongDevice = "wrong_device"
}
