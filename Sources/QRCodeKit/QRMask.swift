/// The eight data mask patterns and the penalty rules used to pick the one giving the most readable symbol.
enum QRMask {
    /// Whether mask pattern `mask` inverts the module at column `x`, row `y` (ISO/IEC 18004 Table 10).
    static func inverts(mask: Int, x: Int, y: Int) -> Bool {
        switch mask {
        case 0: return (y + x) % 2 == 0
        case 1: return y % 2 == 0
        case 2: return x % 3 == 0
        case 3: return (y + x) % 3 == 0
        case 4: return (y / 2 + x / 3) % 2 == 0
        case 5: return (y * x) % 2 + (y * x) % 3 == 0
        case 6: return ((y * x) % 2 + (y * x) % 3) % 2 == 0
        case 7: return ((y + x) % 2 + (y * x) % 3) % 2 == 0
        default: preconditionFailure("mask pattern out of range: \(mask)")
        }
    }

    /// The mask with the lowest penalty score; ties go to the lower-numbered mask.
    static func bestMask(for unmasked: QRMatrixBuilder, correction: QRErrorCorrection) -> Int {
        var best = 0
        var bestScore = Int.max
        for mask in 0..<8 {
            var candidate = unmasked
            candidate.applyMask(mask)
            candidate.drawFormatBits(QRFormatInformation.formatBits(correction: correction, mask: mask))
            let score = penalty(size: candidate.size) { candidate.isDark(x: $0, y: $1) }
            if score < bestScore {
                best = mask
                bestScore = score
            }
        }
        return best
    }

    /// Total penalty of a symbol under the four rules of ISO/IEC 18004 section 7.8.3.
    static func penalty(size: Int, isDark: (Int, Int) -> Bool) -> Int {
        var score = 0
        for line in 0..<size {
            score += linePenalty(size: size) { isDark($0, line) }
            score += linePenalty(size: size) { isDark(line, $0) }
        }
        score += blockPenalty(size: size, isDark: isDark)
        score += balancePenalty(size: size, isDark: isDark)
        return score
    }

    /// Rules 1 and 3 for one row or column: long same-colour runs, and finder-like 1:1:3:1:1 patterns with
    /// four light modules on one side. The quiet zone outside the symbol counts as light.
    static func linePenalty(size: Int, isDark: (Int) -> Bool) -> Int {
        var score = 0
        var runColor = isDark(0)
        var runLength = 0
        for index in 0..<size {
            let dark = isDark(index)
            if dark == runColor {
                runLength += 1
            } else {
                score += runPenalty(runLength)
                runColor = dark
                runLength = 1
            }
        }
        score += runPenalty(runLength)

        // Slide an 11-module window over the line padded with four light modules on each side.
        let finderThenLight = 0b1011_1010_000
        let lightThenFinder = 0b0000_1011_101
        var window = 0
        for index in 0..<(size + 4) {
            let dark = index < size && isDark(index)
            window = ((window << 1) | (dark ? 1 : 0)) & 0x7FF
            if index >= 6, window == finderThenLight || window == lightThenFinder {
                score += 40
            }
        }
        return score
    }

    private static func runPenalty(_ length: Int) -> Int {
        length >= 5 ? 3 + (length - 5) : 0
    }

    /// Rule 2: three points for every 2×2 block of a single colour, overlapping blocks counted separately.
    static func blockPenalty(size: Int, isDark: (Int, Int) -> Bool) -> Int {
        var score = 0
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) {
                let color = isDark(x, y)
                if isDark(x + 1, y) == color, isDark(x, y + 1) == color, isDark(x + 1, y + 1) == color {
                    score += 3
                }
            }
        }
        return score
    }

    /// Rule 4: ten points for each full 5% the dark proportion deviates from 50%.
    static func balancePenalty(size: Int, isDark: (Int, Int) -> Bool) -> Int {
        var darkCount = 0
        for y in 0..<size {
            for x in 0..<size where isDark(x, y) {
                darkCount += 1
            }
        }
        let total = size * size
        return 10 * (abs(darkCount * 100 - total * 50) / (total * 5))
    }
}
