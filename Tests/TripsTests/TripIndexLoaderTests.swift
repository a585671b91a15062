import Foundation
import NIOConcurrencyHelpers
import Platform
import TestSupport
import Testing

@testable import Trips

@Suite("Trips: loading and refreshing the matching index")
struct TripIndexLoaderTests {
    @Test("a full load reads every upcoming public trip exactly once, window by window, ties and bursts included")
    func windows() async throws {
        try await withTestApp { t in
            let traveler = try await t.signUp(userType: "traveler")
            var expected: Set<String> = []
            // Two at the same minute, a burst of five inside one hour, and stragglers weeks apart.
            for hours in [10, 20, 20, 30, 100, 100.17, 100.17, 100.33, 100.83, 200, 500] {
                expected.insert(try await t.createTrip(for: traveler, t.tripBody(departureInHours: hours)))
            }
            _ = try await t.createTrip(
                for: traveler, t.tripBody(departureInHours: 40, overrides: ["visibility": "private"]))
            let cancelled = try await t.createTrip(for: traveler, t.tripBody(departureInHours: 50))
            let cancel = try await t.request(
                .POST, "/api/v1/trips/\(cancelled)/cancel", json: ["reason": "plans changed"],
                token: traveler.accessToken)
            #expect(cancel.status == .ok)

            // Two rows a query: the windows shrink over the burst and grow across the gaps.
            let rows = try await TripIndexLoader.bookableRows(on: t.app.db, rowsPerQuery: 2)
            let loaded = rows.bookable.map { $0.id.uuidString.lowercased() }
            #expect(loaded.count == expected.count)
            #expect(Set(loaded) == Set(expected.map { $0.lowercased() }))
            #expect(rows.unbookable.isEmpty)

            let whole = try await TripIndexLoader.bookableRows(on: t.app.db)
            #expect(whole.bookable.count == expected.count)
        }
    }

    @Test("a full load of no upcoming trips is empty")
    func empty() async throws {
        try await withTestApp { t in
            let rows = try await TripIndexLoader.bookableRows(on: t.app.db, rowsPerQuery: 2)
            #expect(rows.bookable.isEmpty)
        }
    }

    @Test("searches read other nodes' trip writes at most every `freshness`, and this node's at once")
    func pacing() async throws {
        try await withTestApp { t in
            let traveler = try await t.signUp(userType: "traveler")
            let pacing = ManualClock()
            // A second index over the same database: the application's trip writes are another node's to it.
            let index = TripIndex(clock: pacing)
            try await index.refresh(on: t.app.db)
            #expect(index.count == 0)

            _ = try await t.createTrip(for: traveler)
            try await index.refresh(on: t.app.db)
            #expect(index.count == 0, "refreshed less than `freshness` ago: the index is used as it is")
            pacing.advance(by: TripIndex.freshness)
            try await index.refresh(on: t.app.db)
            #expect(index.count == 1)

            _ = try await t.createTrip(for: traveler)
            index.noteLocalChange()
            try await index.refresh(on: t.app.db)
            #expect(index.count == 2, "a write on this node is read by the next search")
        }
    }

    @Test("the application's index sees a trip written through the API on the very next search")
    func localWrites() async throws {
        try await withTestApp { t in
            let traveler = try await t.signUp(userType: "traveler")
            try await t.app.tripIndex.refresh(on: t.app.db)
            _ = try await t.createTrip(for: traveler)
            try await t.app.tripIndex.refresh(on: t.app.db)
            #expect(t.app.tripIndex.count == 1)
        }
    }
}
