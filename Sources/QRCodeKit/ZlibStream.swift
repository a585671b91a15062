import CompressNIO
import NIOCore

/// Compresses bytes into a zlib stream (RFC 1950), the format of a PNG's image data, with the system zlib.
enum ZlibStream {
    /// The `.zlib` algorithm, not raw `.deflate`: PNG's IDAT needs the two-byte zlib header and the Adler-32
    /// trailer around the deflate data. compress-nio names window sizes by the memory they use; `.window128k`
    /// is zlib's `windowBits` 15, a 32 KiB history, the largest a zlib header (and so a PNG decoder) allows.
    /// zlib's default level (6), not its best (9): on a symbol's scanlines, long runs of identical bytes, level
    /// 9 took about 30 times as long and wrote a slightly larger stream (912 against 864 bytes for 57 modules
    /// at 8 pixels each); see BENCHMARKS.md, "QR codes".
    private static let algorithm = CompressionAlgorithm.zlib(
        configuration: ZlibConfiguration(windowSize: .window128k, compressionLevel: .defaultCompressionLevel)
    )

    static func compress(_ bytes: [UInt8]) -> [UInt8] {
        var input = ByteBuffer(bytes: bytes)
        do {
            // compress-nio sizes the output with zlib's deflateBound, so the stream always fits in one call.
            let output = try input.compress(with: algorithm)
            return Array(output.readableBytesView)
        } catch {
            // Deflating into a buffer of deflateBound size only fails when zlib cannot allocate its state.
            preconditionFailure("zlib could not compress \(bytes.count) bytes: \(error)")
        }
    }
}
