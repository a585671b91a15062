/// The CRC-32 every PNG chunk ends with (written by `PNGWriter`, checked by the upload rules).
///
/// zlib has one, but compress-nio does not expose it, and 256 table entries are less than another dependency.
public enum PNGChecksum {
    private static let crcTable: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 {
            value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1
        }
        return value
    }

    /// CRC-32 as used by PNG chunks (reflected polynomial 0xEDB88320).
    public static func crc32<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
    }
}
