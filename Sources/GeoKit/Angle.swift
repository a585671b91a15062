import Foundation

/// Angle arithmetic shared by the projections and the grid.
enum Angle {
    /// Wraps a longitude difference or value into -180..<180 so that paths across the antimeridian stay short.
    static func wrappedDegrees(_ degrees: Double) -> Double {
        guard degrees.isFinite else { return degrees }
        var wrapped = (degrees + 180).truncatingRemainder(dividingBy: 360)
        if wrapped < 0 { wrapped += 360 }
        return wrapped - 180
    }

    /// Normalises a bearing into 0..<360; rounding can turn a tiny negative into exactly 360, which is folded back.
    static func bearingDegrees(_ degrees: Double) -> Double {
        guard degrees.isFinite else { return degrees }
        var normalised = degrees.truncatingRemainder(dividingBy: 360)
        if normalised < 0 { normalised += 360 }
        return normalised >= 360 ? 0 : normalised
    }
}
