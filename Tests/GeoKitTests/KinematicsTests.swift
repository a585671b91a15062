import GeoKit
import Testing

@Suite("Kinematics")
struct KinematicsTests {
    let start = Coordinate(lat: 45, lng: 7)

    private func fix(_ bearing: Double, _ meters: Double, at seconds: Double) -> TimedCoordinate {
        TimedCoordinate(
            coordinate: GreatCircle.destination(from: start, bearingDegrees: bearing, distanceMeters: meters),
            seconds: seconds)
    }

    @Test func impliedSpeed() throws {
        let end = GreatCircle.destination(from: start, bearingDegrees: 90, distanceMeters: 1_000)
        let speed = try #require(Kinematics.metersPerSecond(from: start, at: 100, to: end, at: 150))
        #expect(abs(speed - 20) < 1e-6)
        #expect(Kinematics.metersPerSecond(from: start, at: 100, to: end, at: 100) == nil)
        #expect(abs((Kinematics.metersPerSecond(from: start, at: 150, to: end, at: 100) ?? 0) - 20) < 1e-6)
    }

    @Test func recentSpeedUsesTheWindowAndSkipsBackwardsTime() throws {
        // 10 m/s for the first minute, then 2 m/s; one stale fix arrives out of order.
        var track = (0...6).map { fix(0, Double($0) * 100, at: Double($0) * 10) }
        track += (1...30).map { fix(0, 600 + Double($0) * 20, at: 60 + Double($0) * 10) }
        track.insert(fix(180, 5_000, at: 5), at: 20)
        let recent = try #require(Kinematics.recentMetersPerSecond(track, windowSeconds: 120))
        #expect(abs(recent - 2) < 1e-3)
        let whole = try #require(Kinematics.recentMetersPerSecond(track, windowSeconds: 10_000))
        #expect(abs(whole - 1_200.0 / 360) < 1e-3)
    }

    @Test func implausibleJumpsAreDropped() throws {
        let track = [
            fix(0, 0, at: 0), fix(0, 50, at: 10), fix(90, 20_000, at: 20), fix(0, 150, at: 30), fix(0, 200, at: 40),
        ]
        let speed = try #require(
            Kinematics.recentMetersPerSecond(track, windowSeconds: 60, maximumPlausibleMetersPerSecond: 70))
        #expect(abs(speed - 5) < 1e-3)
        #expect(Kinematics.recentMetersPerSecond(Array(track.prefix(1)), windowSeconds: 60) == nil)
        #expect(Kinematics.recentMetersPerSecond([], windowSeconds: 60) == nil)
    }
}
