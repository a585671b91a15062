import Foundation
import Platform

/// Bookable trips bucketed by (origin cell, destination cell) on a 0.5° grid, each bucket sorted by departure.
///
/// A query visits the few cell pairs within the radius of both ends and binary-searches each bucket for the
/// departure window, so its cost follows the number of nearby trips, not the size of the index.
struct TripGrid: Sendable {
    static let cellDegrees = 0.5
    static let lngCells = Int(360 / cellDegrees)

    private var buckets: [UInt64: [TripIndexEntry]] = [:]
    private var keys: [UUID: UInt64] = [:]

    var count: Int { keys.count }

    init() {}

    /// Builds the grid in one pass: bucket, then sort each bucket once, instead of one sorted insert per trip
    /// (a popular corridor's bucket holds tens of thousands of trips at a million).
    init(_ entries: [TripIndexEntry]) {
        keys.reserveCapacity(entries.count)
        for entry in entries {
            let key = Self.key(for: entry)
            if let previous = keys.updateValue(key, forKey: entry.id) {
                buckets[previous]?.removeAll { $0.id == entry.id }
            }
            buckets[key, default: []].append(entry)
        }
        for key in Array(buckets.keys) {
            buckets[key]?.sort { $0.departure < $1.departure }
            if buckets[key]?.isEmpty == true { buckets[key] = nil }
        }
    }

    mutating func upsert(_ entry: TripIndexEntry) {
        remove(entry.id)
        let key = Self.key(for: entry)
        let position = buckets[key].map { Self.firstIndex(in: $0, notBefore: entry.departure) } ?? 0
        // Mutated in place through the dictionary: copying a bucket out and back would copy it whole.
        buckets[key, default: []].insert(entry, at: position)
        keys[entry.id] = key
    }

    mutating func remove(_ id: UUID) {
        guard let key = keys.removeValue(forKey: id) else { return }
        buckets[key]?.removeAll { $0.id == id }
        if buckets[key]?.isEmpty == true { buckets[key] = nil }
    }

    /// Calls `body` for every trip whose origin cell is near `origin`, destination cell near `destination` and
    /// departure in `departures`. Cells are coarse: callers still check exact distances.
    func forEach(
        origin: GeoPoint, destination: GeoPoint, radiusKm: Double, departures: ClosedRange<Double>,
        _ body: (TripIndexEntry) -> Void
    ) {
        let originCells = Self.cells(around: origin, radiusKm: radiusKm)
        let destinationCells = Self.cells(around: destination, radiusKm: radiusKm)
        for originCell in originCells {
            for destinationCell in destinationCells {
                guard let bucket = buckets[Self.key(origin: originCell, destination: destinationCell)] else { continue }
                var index = Self.firstIndex(in: bucket, notBefore: departures.lowerBound)
                while index < bucket.count, bucket[index].departure <= departures.upperBound {
                    body(bucket[index])
                    index += 1
                }
            }
        }
    }

    /// The cells a circle of `radiusKm` around `point` touches (longitude wraps at the antimeridian).
    static func cells(around point: GeoPoint, radiusKm: Double) -> [UInt32] {
        let box = BoundingBox(around: point, radiusKm: radiusKm)
        let firstLat = latCell(box.minLat)
        let lastLat = latCell(box.maxLat)
        let firstLng = Int((box.minLng / cellDegrees).rounded(.down))
        let lastLng = Int((box.maxLng / cellDegrees).rounded(.down))
        // Past a full turn every longitude cell is touched once; below it, wrapping never repeats a cell.
        let lngRange = lastLng - firstLng + 1 >= lngCells ? 0...(lngCells - 1) : firstLng...lastLng
        var cells: [UInt32] = []
        cells.reserveCapacity((lastLat - firstLat + 1) * lngRange.count)
        for lat in firstLat...lastLat {
            for lng in lngRange {
                cells.append(pack(lat, ((lng % lngCells) + lngCells) % lngCells))
            }
        }
        return cells
    }

    static func cell(_ lat: Double, _ lng: Double) -> UInt32 {
        let lngIndex = Int((lng / cellDegrees).rounded(.down))
        return pack(latCell(lat), ((lngIndex % lngCells) + lngCells) % lngCells)
    }

    private static func latCell(_ lat: Double) -> Int {
        Int(((min(max(lat, -90), 89.999_999) + 90) / cellDegrees).rounded(.down))
    }

    private static func pack(_ lat: Int, _ lng: Int) -> UInt32 { UInt32(lat) << 16 | UInt32(lng) }

    private static func key(for entry: TripIndexEntry) -> UInt64 {
        key(
            origin: cell(entry.originLat, entry.originLng),
            destination: cell(entry.destinationLat, entry.destinationLng))
    }

    private static func key(origin: UInt32, destination: UInt32) -> UInt64 {
        UInt64(origin) << 32 | UInt64(destination)
    }

    /// The first position whose departure is not before `time` (lower bound).
    private static func firstIndex(in bucket: [TripIndexEntry], notBefore time: Double) -> Int {
        var low = 0
        var high = bucket.count
        while low < high {
            let middle = (low + high) / 2
            if bucket[middle].departure < time { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
