import BenchmarkSupport
import Crypto
import Foundation
import Platform
import QRCodeKit
import QRCodes

/// The handoff code's pure work, in memory, one operation at a time for a fixed time each: sealing a payload
/// (AES-256-GCM under the derived key), encoding the symbol, drawing it as PNG and as SVG, and the other side,
/// opening a scanned text and checking what it says, and deriving a backup code as a typed one is checked.
/// Inputs cycle through a pool of distinct codes so no answer is the previous one's.
struct QRMemoryPhase {
    static let moduleSize = 8
    static let pool = 256

    struct Result: Encodable, Sendable {
        var operation: String
        var count: Int
        var perSecond: Double
        var latency: LatencySummary
    }

    let seconds: Double

    func run() throws -> [Result] {
        let keys = QRKeys(key: SymmetricKey(size: .bits256))
        let now = Date()
        let payloads = (0..<Self.pool).map { _ in
            QRPayload(
                qrCodeId: UUID(), deliveryId: UUID(), type: .delivery,
                nonce: RandomToken.opaque(byteCount: 12),
                expiresAt: now.addingTimeInterval(7 * 86_400), level: .standard)
        }
        let sealed = try payloads.map { try keys.sealer.seal($0) }
        let symbols = try sealed.map { try QREncoder.encode($0, correction: .medium) }
        let backups = payloads.map { BackupCode.derive(qrCodeId: $0.qid, nonce: $0.n, key: keys.backupKey) }
        let size = Self.moduleSize
        var results: [Result] = []
        results.append(try measure("seal") { try keys.sealer.seal(payloads[$0]).count })
        results.append(try measure("symbol (encode the sealed text)") { try QREncoder.encode(sealed[$0]).size })
        results.append(measure("PNG of the symbol") { QRImageRenderer.png(symbols[$0], moduleSize: size).count })
        results.append(measure("SVG of the symbol") { QRImageRenderer.svg(symbols[$0], moduleSize: size).utf8.count })
        results.append(
            try measure("seal + symbol + PNG") {
                QRImageRenderer.png(try QREncoder.encode(try keys.sealer.seal(payloads[$0])), moduleSize: size).count
            })
        results.append(
            try measure("seal + symbol + SVG") {
                QRImageRenderer.svg(try QREncoder.encode(try keys.sealer.seal(payloads[$0])), moduleSize: size)
                    .utf8.count
            })
        results.append(
            try measure("verify (open + checks)") { index in
                let payload = try keys.sealer.open(sealed[index])
                let expected = payloads[index]
                guard payload.qid == expected.qid, payload.did == expected.did, payload.t == .delivery,
                    payload.expiresAt > now
                else { throw BenchmarkError("a sealed payload opened to something else") }
                return payload.exp
            })
        results.append(
            try measure("backup code check (normalise + derive + compare)") { index in
                let expected = payloads[index]
                let typed = BackupCode.normalise(backups[index].lowercased())
                let derived = BackupCode.derive(qrCodeId: expected.qid, nonce: expected.n, key: keys.backupKey)
                guard typed == BackupCode.normalise(derived) else { throw BenchmarkError("a backup code differs") }
                return typed?.count ?? 0
            })
        return results
    }

    /// Calls `operation` on pool entries in turn for `seconds`, timing each call.
    private func measure<T>(_ name: String, _ operation: (Int) throws -> T) rethrows -> Result {
        var samples: [UInt64] = []
        samples.reserveCapacity(100_000)
        var sink = 0
        let start = MonotonicClock.now
        let deadline = start + UInt64(seconds * 1e9)
        var index = 0
        while MonotonicClock.now < deadline {
            let began = MonotonicClock.now
            let answer = try operation(index % Self.pool)
            samples.append(MonotonicClock.now - began)
            // Keeps the optimiser from dropping a call whose answer nobody reads.
            sink &+= withUnsafeBytes(of: answer) { $0.first.map(Int.init) ?? 0 }
            index += 1
        }
        let elapsed = MonotonicClock.seconds(since: start)
        if sink == Int.min { print(sink) }
        return Result(
            operation: name, count: samples.count, perSecond: Double(samples.count) / elapsed,
            latency: LatencySummary(nanoseconds: samples))
    }
}
