import Foundation

/// A uniform grid index of circles over the whole globe, answering "which fences could contain this point?".
///
/// Each key is filed under every cell its circle touches. A key that would touch more than
/// `maximumCellsPerKey` cells (a very large fence) is kept in a separate list checked by every query instead, so
/// memory stays bounded by `maximumCellsPerKey` cells per key.
///
/// It is a value type with no internal locking: a grid shared between tasks must be guarded by its owner (for
/// example a lock or an actor) and mutated through that guard.
public struct SpatialGrid<Key: Hashable & Sendable>: Sendable {
    private struct Member: Sendable {
        let key: Key
        let circle: BoundingCircle
    }

    /// The requested side of a cell in metres.
    public let cellSizeMeters: Double
    /// The most cells one key is filed under before it moves to the list every query checks.
    public let maximumCellsPerKey: Int
    private let layout: GridLayout
    private var circles: [Key: BoundingCircle] = [:]
    private var cellsOfKey: [Key: [Int64]] = [:]
    private var membersOfCell: [Int64: [Member]] = [:]
    private var largeMembers: [Key: BoundingCircle] = [:]

    /// Rounding in cell assignment is absorbed by growing every radius by this much before listing cells.
    private static var coverPaddingMeters: Double { 0.01 }

    /// Creates an empty grid; sizes are clamped to at least 1 m and 1 cell.
    public init(cellSizeMeters: Double = 1_000, maximumCellsPerKey: Int = 256) {
        let size = cellSizeMeters.isFinite ? max(1, cellSizeMeters) : 1_000
        self.cellSizeMeters = size
        self.maximumCellsPerKey = max(1, maximumCellsPerKey)
        layout = GridLayout(cellSizeMeters: size)
    }

    /// The number of keys in the grid.
    public var count: Int { circles.count }

    /// The circle stored for `key`, if any.
    public func circle(for key: Key) -> BoundingCircle? { circles[key] }

    /// Adds `key` with a circle, replacing any circle it already had. A negative or NaN radius is taken as 0.
    public mutating func insert(_ key: Key, center: Coordinate, radiusMeters: Double) {
        remove(key)
        let radius = radiusMeters > 0 ? radiusMeters : 0
        let circle = BoundingCircle(center: center, radiusMeters: radius)
        circles[key] = circle
        let cells =
            center.isValid && radius.isFinite
            ? layout.cells(
                around: center, radiusMeters: radius * (1 + 1e-9) + Self.coverPaddingMeters,
                limit: maximumCellsPerKey)
            : nil
        guard let cells else {
            largeMembers[key] = circle
            return
        }
        cellsOfKey[key] = cells
        for cell in cells { membersOfCell[cell, default: []].append(Member(key: key, circle: circle)) }
    }

    /// Adds `key` with the bounding circle of a fence shape.
    public mutating func insert(_ key: Key, shape: FenceShape) {
        let circle = shape.boundingCircle
        insert(key, center: circle.center, radiusMeters: circle.radiusMeters)
    }

    /// Moves `key` to a new circle (the same as `insert`, named for the intent).
    public mutating func update(_ key: Key, center: Coordinate, radiusMeters: Double) {
        insert(key, center: center, radiusMeters: radiusMeters)
    }

    /// Removes `key`; removing an absent key does nothing.
    public mutating func remove(_ key: Key) {
        guard circles.removeValue(forKey: key) != nil else { return }
        largeMembers.removeValue(forKey: key)
        for cell in cellsOfKey.removeValue(forKey: key) ?? [] {
            membersOfCell[cell]?.removeAll { $0.key == key }
            if membersOfCell[cell]?.isEmpty == true { membersOfCell.removeValue(forKey: cell) }
        }
    }

    /// Every key whose circle, grown by `extra` metres, contains `point` (great-circle distance from the centre
    /// ≤ radius + extra), in no particular order.
    ///
    /// None is ever missed: a point within radius + extra of a centre has a point of the key's circle within
    /// `extra` of it, so the cells listed around the query share a cell with the key. Candidates are then filtered
    /// by exact distance, so the answer is precisely that set.
    public func candidates(near point: Coordinate, withinMeters extra: Double = 0) -> [Key] {
        let margin = extra > 0 ? extra : 0
        guard point.isValid, margin.isFinite else { return allKeys(containing: point, marginMeters: margin) }
        let cells: [Int64]
        if margin == 0 {
            cells = [layout.cell(of: point)]
        } else if let around = layout.cells(
            around: point, radiusMeters: margin * (1 + 1e-9) + Self.coverPaddingMeters,
            limit: 4 * maximumCellsPerKey)
        {
            cells = around
        } else {
            return allKeys(containing: point, marginMeters: margin)
        }
        var found = largeMembers.compactMap { key, circle in
            circle.contains(point, marginMeters: margin) ? key : nil
        }
        // A key filed under several of the query's cells must be reported once; one cell needs no bookkeeping.
        var seen = Set<Key>()
        for cell in cells {
            for member in membersOfCell[cell] ?? [] where member.circle.contains(point, marginMeters: margin) {
                if cells.count == 1 || seen.insert(member.key).inserted { found.append(member.key) }
            }
        }
        return found
    }

    /// The brute-force answer, for queries too wide for the cells to help.
    private func allKeys(containing point: Coordinate, marginMeters: Double) -> [Key] {
        circles.compactMap { key, circle in circle.contains(point, marginMeters: marginMeters) ? key : nil }
    }
}
