import Foundation
import QRCodeKit

/// Whether a file is whole: its structure walked from the first byte to the last, not just its signature.
///
/// The 8-byte PNG signature alone, or a PNG with `<script>` after it, must not pass for a picture: a browser
/// sniffing the bytes could run the tail. Each format's container is checked to its end, with nothing after it.
public enum FileStructure {
    public static func isWhole(_ data: Data, as signature: FileSignature) -> Bool {
        let bytes = [UInt8](data)
        switch signature {
        case .png: return isWholePNG(bytes)
        case .jpeg: return isWholeJPEG(bytes)
        case .webp: return isWholeWebP(bytes)
        case .pdf: return isWholePDF(bytes)
        }
    }

    /// Chunks with correct CRCs from the signature to `IEND`, which ends the file; `IHDR` first with a real size,
    /// at least one `IDAT`.
    static func isWholePNG(_ bytes: [UInt8]) -> Bool {
        var offset = 8
        var chunkTypes: [String] = []
        while offset + 12 <= bytes.count {
            let length = Int(bigEndian32(bytes, at: offset))
            let end = offset + 12 + length
            guard length <= bytes.count, end <= bytes.count else { return false }
            let typeAndData = bytes[(offset + 4)..<(offset + 8 + length)]
            guard PNGChecksum.crc32(typeAndData) == bigEndian32(bytes, at: offset + 8 + length) else { return false }
            let type = String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self)
            if chunkTypes.isEmpty {
                guard type == "IHDR", length == 13, bigEndian32(bytes, at: offset + 8) > 0,
                    bigEndian32(bytes, at: offset + 12) > 0
                else { return false }
            }
            chunkTypes.append(type)
            offset = end
            if type == "IEND" { return offset == bytes.count && chunkTypes.contains("IDAT") }
        }
        return false
    }

    /// Segments from `SOI` through a frame header and a scan to `EOI`, which ends the file.
    static func isWholeJPEG(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return false }
        var offset = 2
        var hasFrame = false
        while offset + 4 <= bytes.count, bytes[offset] == 0xFF {
            let marker = bytes[offset + 1]
            let length = Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            guard length >= 2, offset + 2 + length <= bytes.count else { return false }
            // SOF0…SOF15 but DHT (C4), JPG (C8) and DAC (CC): a frame header with a height and a width.
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                guard length >= 8, offset + 9 <= bytes.count else { return false }
                let height = Int(bytes[offset + 5]) << 8 | Int(bytes[offset + 6])
                let width = Int(bytes[offset + 7]) << 8 | Int(bytes[offset + 8])
                hasFrame = height > 0 && width > 0
            }
            offset += 2 + length
            if marker == 0xDA {
                // Entropy-coded data follows until the end-of-image marker, which must be the last two bytes.
                return hasFrame && bytes.count >= offset + 2 && bytes[bytes.count - 2] == 0xFF
                    && bytes[bytes.count - 1] == 0xD9
            }
        }
        return false
    }

    /// A RIFF container whose size is the file's, holding a `VP8 `, `VP8L` or `VP8X` chunk first.
    static func isWholeWebP(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 20 else { return false }
        let riffSize = Int(littleEndian32(bytes, at: 4))
        guard riffSize + 8 == bytes.count else { return false }
        let first = String(decoding: bytes[12..<16], as: UTF8.self)
        guard ["VP8 ", "VP8L", "VP8X"].contains(first) else { return false }
        var offset = 12
        while offset + 8 <= bytes.count {
            let size = Int(littleEndian32(bytes, at: offset + 4))
            offset += 8 + size + (size % 2)
            guard offset <= bytes.count else { return false }
        }
        return offset == bytes.count
    }

    /// A `%PDF-` header and a trailer: `startxref` and `%%EOF` at the end (only whitespace may follow).
    static func isWholePDF(_ bytes: [UInt8]) -> Bool {
        guard bytes.starts(with: Array("%PDF-".utf8)) else { return false }
        let tail = String(decoding: bytes.suffix(1024), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return tail.hasSuffix("%%EOF") && tail.contains("startxref")
    }

    private static func bigEndian32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }

    private static func littleEndian32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<(offset + 4)].reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }
}
