/// Lays out a QR symbol: function patterns first, then the codeword bits in the standard zigzag order.
struct QRMatrixBuilder: Sendable {
    let version: Int
    let size: Int
    /// Row-major module colours, `true` meaning dark; data modules are unmasked until `finished`.
    private(set) var modules: [Bool]
    /// Modules belonging to function patterns or reserved areas, which masking and data placement skip.
    private(set) var isFunction: [Bool]

    init(version: Int) {
        self.version = version
        size = QRCode.size(ofVersion: version)
        modules = [Bool](repeating: false, count: size * size)
        isFunction = [Bool](repeating: false, count: size * size)
        drawFunctionPatterns()
    }

    func isDark(x: Int, y: Int) -> Bool {
        modules[y * size + x]
    }

    private mutating func setFunction(x: Int, y: Int, dark: Bool) {
        modules[y * size + x] = dark
        isFunction[y * size + x] = true
    }

    private mutating func drawFunctionPatterns() {
        for index in 0..<size {
            setFunction(x: 6, y: index, dark: index % 2 == 0)
            setFunction(x: index, y: 6, dark: index % 2 == 0)
        }
        drawFinderPattern(centerX: 3, centerY: 3)
        drawFinderPattern(centerX: size - 4, centerY: 3)
        drawFinderPattern(centerX: 3, centerY: size - 4)
        let centers = QRTables.alignmentPatternCenters(version: version)
        for (row, centerY) in centers.enumerated() {
            for (column, centerX) in centers.enumerated() {
                let overlapsFinder =
                    (row == 0 && column == 0)
                    || (row == 0 && column == centers.count - 1)
                    || (row == centers.count - 1 && column == 0)
                if !overlapsFinder {
                    drawAlignmentPattern(centerX: centerX, centerY: centerY)
                }
            }
        }
        // Reserve the format and version areas now so data placement skips them; real bits come with the mask.
        drawFormatBits(0)
        drawVersionBits()
    }

    /// A 7×7 finder plus its one-module light separator, clipped at the symbol edge.
    private mutating func drawFinderPattern(centerX: Int, centerY: Int) {
        for dy in -4...4 {
            for dx in -4...4 {
                let x = centerX + dx
                let y = centerY + dy
                guard x >= 0, y >= 0, x < size, y < size else { continue }
                let ring = max(abs(dx), abs(dy))
                setFunction(x: x, y: y, dark: ring != 2 && ring != 4)
            }
        }
    }

    private mutating func drawAlignmentPattern(centerX: Int, centerY: Int) {
        for dy in -2...2 {
            for dx in -2...2 {
                setFunction(x: centerX + dx, y: centerY + dy, dark: max(abs(dx), abs(dy)) != 1)
            }
        }
    }

    /// Writes both copies of the 15-bit format information and the always-dark module beside them.
    mutating func drawFormatBits(_ bits: Int) {
        func bit(_ index: Int) -> Bool { (bits >> index) & 1 == 1 }
        // Copy around the top-left finder: up column 8, then leftwards along row 8 (bit 14 ends at x = 0).
        for index in 0...5 {
            setFunction(x: 8, y: index, dark: bit(index))
        }
        setFunction(x: 8, y: 7, dark: bit(6))
        setFunction(x: 8, y: 8, dark: bit(7))
        setFunction(x: 7, y: 8, dark: bit(8))
        for index in 9..<15 {
            setFunction(x: 14 - index, y: 8, dark: bit(index))
        }
        // Copy split between the top-right (bits 0–7) and bottom-left (bits 8–14) finders.
        for index in 0..<8 {
            setFunction(x: size - 1 - index, y: 8, dark: bit(index))
        }
        for index in 8..<15 {
            setFunction(x: 8, y: size - 15 + index, dark: bit(index))
        }
        setFunction(x: 8, y: size - 8, dark: true)
    }

    /// Writes both 6×3 copies of the 18-bit version information, present from version 7 on.
    private mutating func drawVersionBits() {
        guard version >= 7 else { return }
        let bits = QRFormatInformation.versionBits(version: version)
        for index in 0..<18 {
            let dark = (bits >> index) & 1 == 1
            let along = index / 3
            let across = size - 11 + index % 3
            setFunction(x: across, y: along, dark: dark)
            setFunction(x: along, y: across, dark: dark)
        }
    }

    /// Places codeword bits (high bit first) in two-module-wide columns, snaking up and down from the
    /// bottom-right corner and skipping the vertical timing pattern; leftover remainder modules stay light.
    mutating func placeCodewords(_ codewords: [UInt8]) {
        let totalBits = codewords.count * 8
        var bitIndex = 0
        var upward = true
        var right = size - 1
        while right >= 1 {
            if right == 6 {
                right = 5
            }
            for step in 0..<size {
                let y = upward ? size - 1 - step : step
                for x in [right, right - 1] where !isFunction[y * size + x] && bitIndex < totalBits {
                    let byte = codewords[bitIndex / 8]
                    modules[y * size + x] = (byte >> UInt8(7 - bitIndex % 8)) & 1 == 1
                    bitIndex += 1
                }
            }
            upward.toggle()
            right -= 2
        }
    }

    /// Applies (XORs) mask pattern `mask` to every data module; applying it twice restores the original.
    mutating func applyMask(_ mask: Int) {
        for y in 0..<size {
            for x in 0..<size where !isFunction[y * size + x] && QRMask.inverts(mask: mask, x: x, y: y) {
                modules[y * size + x].toggle()
            }
        }
    }

    /// The symbol with `mask` applied and the matching format information written.
    func finished(correction: QRErrorCorrection, mask: Int) -> QRCode {
        var copy = self
        copy.applyMask(mask)
        copy.drawFormatBits(QRFormatInformation.formatBits(correction: correction, mask: mask))
        return QRCode(version: version, correction: correction, mask: mask, modules: copy.modules)
    }
}

/// BCH-protected format and version information words.
enum QRFormatInformation {
    /// 5 data bits (level, mask) + 10 BCH bits from generator 0x537, XOR-ed with 0x5412 so it is never all light.
    static func formatBits(correction: QRErrorCorrection, mask: Int) -> Int {
        let data = correction.formatBits << 3 | mask
        return (data << 10 | bchRemainder(data, generator: 0x537, degree: 10)) ^ 0x5412
    }

    /// 6 version bits + 12 BCH bits from generator 0x1F25.
    static func versionBits(version: Int) -> Int {
        version << 12 | bchRemainder(version, generator: 0x1F25, degree: 12)
    }

    /// Remainder of data·x^degree divided by the generator, in GF(2) polynomial arithmetic.
    private static func bchRemainder(_ data: Int, generator: Int, degree: Int) -> Int {
        var remainder = data << degree
        let generatorTop = generator.bitWidth - generator.leadingZeroBitCount - 1
        for shift in stride(from: remainder.bitWidth - remainder.leadingZeroBitCount - 1, through: degree, by: -1)
        where (remainder >> shift) & 1 == 1 {
            remainder ^= generator << (shift - generatorTop)
        }
        return remainder
    }
}
