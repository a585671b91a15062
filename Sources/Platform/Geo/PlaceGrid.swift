import Foundation

/// Points bucketed by 1°×1° cell, so a radius search reads a handful of cells instead of every point.
struct PlaceGrid: Sendable {
    private let points: [GeoPoint]
    private let cells: [Int: [Int]]

    init(points: [GeoPoint]) {
        var cells: [Int: [Int]] = [:]
        for (index, point) in points.enumerated() {
            cells[
                PlaceGrid.cell(latIndex: PlaceGrid.latIndex(point.lat), lngIndex: PlaceGrid.lngIndex(point.lng)),
                default: []
            ].append(index)
        }
        self.points = points
        self.cells = cells
    }

    /// The closest point within `radiusKm` among those `include` accepts, with its distance.
    func nearest(
        to point: GeoPoint,
        withinKm radiusKm: Double,
        where include: (Int) -> Bool
    ) -> (index: Int, km: Double)? {
        let latSpan = Int((radiusKm / 110.57).rounded(.up))
        // Cells narrow towards the poles; size the longitude span for the most poleward row searched.
        let widestLat = min(89.9, abs(point.lat) + Double(latSpan))
        let lngSpan = Int((radiusKm / (111.32 * cos(widestLat * .pi / 180))).rounded(.up))
        let centreLat = PlaceGrid.latIndex(point.lat)
        let centreLng = PlaceGrid.lngIndex(point.lng)
        let lngIndexes =
            lngSpan >= 180
            ? Array(0..<360)
            : (-lngSpan...lngSpan).map { ((centreLng + $0) % 360 + 360) % 360 }
        var best: (index: Int, km: Double)?
        for latIndex in max(0, centreLat - latSpan)...min(180, centreLat + latSpan) {
            for lngIndex in lngIndexes {
                for index in cells[PlaceGrid.cell(latIndex: latIndex, lngIndex: lngIndex)] ?? [] where include(index) {
                    let km = point.distanceKm(to: points[index])
                    if km <= radiusKm, km < (best?.km ?? .infinity) { best = (index, km) }
                }
            }
        }
        return best
    }

    private static func latIndex(_ lat: Double) -> Int { Int(lat.rounded(.down)) + 90 }
    private static func lngIndex(_ lng: Double) -> Int { min(359, Int(lng.rounded(.down)) + 180) }
    private static func cell(latIndex: Int, lngIndex: Int) -> Int { latIndex * 360 + lngIndex }
}
