/// Version-dependent constants from ISO/IEC 18004: block structure and alignment pattern positions.
enum QRTables {
    /// Error-correction codewords per block, indexed `[correction.tableIndex][version]`; index 0 is unused.
    private static let eccCodewordsPerBlock: [[Int]] = [
        [
            0, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
            28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
        ],
        [
            0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
            26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
        ],
        [
            0, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
            28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
        ],
        [
            0, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
            30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
        ],
    ]

    /// Number of error-correction blocks, indexed `[correction.tableIndex][version]`; index 0 is unused.
    private static let blockCounts: [[Int]] = [
        [
            0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8,
            8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25,
        ],
        [
            0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
            17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49,
        ],
        [
            0, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20,
            23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68,
        ],
        [
            0, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
            25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81,
        ],
    ]

    static func eccCodewordsPerBlock(version: Int, correction: QRErrorCorrection) -> Int {
        eccCodewordsPerBlock[correction.tableIndex][version]
    }

    static func blockCount(version: Int, correction: QRErrorCorrection) -> Int {
        blockCounts[correction.tableIndex][version]
    }

    /// All codewords (data plus error correction) that fit in the version's data area.
    static func rawCodewordCount(version: Int) -> Int {
        let size = QRCode.size(ofVersion: version)
        var modules = size * size
        modules -= 3 * 64  // finder patterns with their separators
        modules -= 2 * (size - 16)  // timing patterns between the separators
        modules -= 31  // both copies of format information plus the dark module
        let centers = alignmentPatternCenters(version: version).count
        if centers > 0 {
            let patterns = centers * centers - 3
            modules -= patterns * 25
            // Alignment patterns on row/column 6 overlap the timing patterns, which were already removed.
            modules += (centers - 2) * 2 * 5
        }
        if version >= 7 {
            modules -= 2 * 18  // both copies of version information
        }
        // Leftover remainder bits (0, 3, 4 or 7) do not form a codeword.
        return modules / 8
    }

    static func dataCodewordCount(version: Int, correction: QRErrorCorrection) -> Int {
        rawCodewordCount(version: version)
            - blockCount(version: version, correction: correction)
            * eccCodewordsPerBlock(version: version, correction: correction)
    }

    /// Row/column coordinates of alignment pattern centres; patterns sit at every pair except the finder corners.
    static func alignmentPatternCenters(version: Int) -> [Int] {
        guard version >= 2 else { return [] }
        let count = version / 7 + 2
        let last = QRCode.size(ofVersion: version) - 7
        // Centres are evenly spaced from the far side with an even step; version 32 is the standard's one exception.
        let step: Int
        if version == 32 {
            step = 26
        } else {
            let span = last - 6
            let rawStep = (span + count - 2) / (count - 1)
            step = rawStep + rawStep % 2
        }
        var centers = [6]
        for index in stride(from: count - 2, through: 0, by: -1) {
            centers.append(last - index * step)
        }
        return centers
    }
}
