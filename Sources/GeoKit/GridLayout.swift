import Foundation

/// The cell arithmetic of `SpatialGrid`: rows of equal latitude height, each cut into as many columns as keep the
/// cells at least `cellSizeMeters` wide at the row's widest edge, so cells stay roughly square up to the poles.
struct GridLayout: Sendable, Hashable {
    /// Number of latitude rows from the south pole to the north pole.
    let rowCount: Int
    /// Height of a row in degrees of latitude.
    let rowHeightDegrees: Double

    init(cellSizeMeters: Double) {
        let halfCircumference = Double.pi * GreatCircle.earthRadiusMeters
        rowCount = max(1, Int((halfCircumference / cellSizeMeters).rounded()))
        rowHeightDegrees = 180 / Double(rowCount)
    }

    /// The row holding `lat`; the poles fall in the first and last rows.
    func row(ofLatitude lat: Double) -> Int {
        min(rowCount - 1, max(0, Int(((lat + 90) / rowHeightDegrees).rounded(.down))))
    }

    /// How many columns `row` has: fewer towards the poles, where a degree of longitude is shorter.
    func columnCount(inRow row: Int) -> Int {
        let south = -90 + Double(row) * rowHeightDegrees
        let north = south + rowHeightDegrees
        let widestLatitude = (south...north).contains(0) ? 0 : min(abs(south), abs(north))
        let columns = 360 * cos(widestLatitude * .pi / 180) / rowHeightDegrees
        return max(1, Int(columns.rounded(.down)))
    }

    /// The unwrapped column index of a longitude (any real value); callers reduce it modulo the column count.
    func unwrappedColumn(ofLongitude lng: Double, columnCount: Int) -> Int {
        Int(((lng + 180) * Double(columnCount) / 360).rounded(.down))
    }

    /// The identifier of the cell holding a valid coordinate.
    func cell(of coordinate: Coordinate) -> Int64 {
        let row = row(ofLatitude: coordinate.lat)
        let columns = columnCount(inRow: row)
        let column = unwrappedColumn(ofLongitude: Angle.wrappedDegrees(coordinate.lng), columnCount: columns)
        return Self.cellID(row: row, column: column, columnCount: columns)
    }

    /// The cells touched by the cap of `radiusMeters` around a valid `center`, or nil when there would be more than
    /// `limit` of them.
    ///
    /// The cap lies inside the latitude band center ± the angular radius and, unless it holds a pole, inside the
    /// longitude band ± asin(sin δ / cos φ), the widest longitude a cap reaches; every cell meeting that box is
    /// listed, so a point of the cap is always in one of them.
    func cells(around center: Coordinate, radiusMeters: Double, limit: Int) -> [Int64]? {
        let angular = radiusMeters / GreatCircle.earthRadiusMeters
        let angularDegrees = angular * 180 / .pi
        let southRow = row(ofLatitude: center.lat - angularDegrees)
        let northRow = row(ofLatitude: center.lat + angularDegrees)
        let reachesPole = abs(center.lat) + angularDegrees >= 90 || angular >= .pi / 2
        let halfWidthDegrees = reachesPole ? 360 : Self.halfWidthDegrees(angular: angular, latitude: center.lat)
        var cells: [Int64] = []
        for row in southRow...northRow {
            let columns = columnCount(inRow: row)
            let west = unwrappedColumn(ofLongitude: center.lng - halfWidthDegrees, columnCount: columns)
            let east = unwrappedColumn(ofLongitude: center.lng + halfWidthDegrees, columnCount: columns)
            let span = min(columns, east - west + 1)
            guard cells.count + span <= limit else { return nil }
            for column in west..<(west + span) {
                cells.append(Self.cellID(row: row, column: column, columnCount: columns))
            }
        }
        return cells
    }

    private static func halfWidthDegrees(angular: Double, latitude: Double) -> Double {
        let ratio = sin(angular) / cos(latitude * .pi / 180)
        return ratio >= 1 ? 360 : asin(ratio) * 180 / .pi
    }

    private static func cellID(row: Int, column: Int, columnCount: Int) -> Int64 {
        let wrapped = ((column % columnCount) + columnCount) % columnCount
        return Int64(row) << 32 | Int64(wrapped)
    }
}
