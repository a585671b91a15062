/// A finished QR code symbol: a square grid of dark and light modules, without the quiet zone.
public struct QRCode: Sendable, Equatable {
    /// The symbol version, 1 through 40; version `v` is `17 + 4v` modules wide.
    public let version: Int
    /// Number of modules along one side of the symbol.
    public let size: Int
    /// The error-correction level the symbol was encoded with.
    let correction: QRErrorCorrection
    /// The mask pattern (0–7) applied to the data modules.
    let mask: Int
    /// Row-major module colours, `true` meaning dark.
    private let modules: [Bool]

    init(version: Int, correction: QRErrorCorrection, mask: Int, modules: [Bool]) {
        precondition(modules.count == QRCode.size(ofVersion: version) * QRCode.size(ofVersion: version))
        self.version = version
        self.size = QRCode.size(ofVersion: version)
        self.correction = correction
        self.mask = mask
        self.modules = modules
    }

    /// Whether the module at column `x`, row `y` is dark.
    ///
    /// Coordinates outside the symbol are light, so renderers can draw the quiet zone without bounds checks.
    public func isDark(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < size, y < size else { return false }
        return modules[y * size + x]
    }

    static func size(ofVersion version: Int) -> Int {
        17 + 4 * version
    }
}
