import Foundation
import Platform

/// A position made vague on purpose: snapped to the centre of a grid cell of the given size, so the same
/// cell always gives the same answer (averaging repeated reads reveals nothing finer).
public enum CoarsePosition {
    static let metersPerDegreeLatitude = 111_320.0

    public static func snap(_ point: GeoPoint, toMeters size: Int) -> GeoPoint {
        let meters = Double(max(1, size))
        let latStep = meters / metersPerDegreeLatitude
        let lat = min(90, max(-90, (floor(point.lat / latStep) + 0.5) * latStep))
        // Cells are as wide as they are tall at their own latitude (fixed per row, so rows never shift).
        let rowLat = min(89.9, abs(lat))
        let lngStep = min(360, meters / (metersPerDegreeLatitude * cos(rowLat * .pi / 180)))
        var lng = (floor(point.lng / lngStep) + 0.5) * lngStep
        if lng > 180 { lng -= 360 }
        return GeoPoint(lat: lat, lng: lng)
    }
}
