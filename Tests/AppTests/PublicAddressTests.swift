import Foundation
import Platform
import TestSupport
import Testing

@Suite("HTTP edge: the public address")
struct PublicAddressTests {
    @Test("share links use P2P_PUBLIC_URL whatever Host and X-Forwarded-Host the request claims")
    func shareLinkIgnoresHost() async throws {
        try await withTestApp(configuring: { $0.publicURL = "https://p2p.example.com/" }) { t in
            let tina = try await t.signUp(userType: "traveler")
            let tripId = try await t.createTrip(for: tina)
            let shared = try await t.request(
                .POST, "/api/v1/trips/\(tripId)/share", json: [:], token: tina.accessToken,
                headers: ["Host": "evil.example", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "http"])
            #expect(shared.status == .ok, "\(shared.text)")
            let token = try #require(shared.string("data.token"))
            #expect(shared.string("data.shareUrl") == "https://p2p.example.com/api/v1/trips/shared/\(token)")
        }
    }

    @Test("without a configured address links point at http://localhost:8080")
    func fallback() async throws {
        try await withTestApp { t in
            let tina = try await t.signUp(userType: "traveler")
            let tripId = try await t.createTrip(for: tina)
            let shared = try await t.request(
                .POST, "/api/v1/trips/\(tripId)/share", json: [:], token: tina.accessToken,
                headers: ["Host": "evil.example"])
            let url = try #require(shared.string("data.shareUrl"))
            #expect(url.hasPrefix("http://localhost:8080/api/v1/trips/shared/"))
        }
    }

    @Test("the address must be an http(s) URL with a host; a path is kept as a prefix")
    func validation() throws {
        #expect(try PublicAddress(configured: nil).baseURL == "http://localhost:8080")
        #expect(try PublicAddress(configured: " ").baseURL == "http://localhost:8080")
        #expect(
            try PublicAddress(configured: "https://x.example/p2p/").link("/api/v1/a")
                == "https://x.example/p2p/api/v1/a")
        #expect(try PublicAddress(configured: "http://127.0.0.1:9000").link("/h") == "http://127.0.0.1:9000/h")
        for bad in ["ftp://x.example", "x.example", "https://", "https://x.example/?a=1", "https://u:p@x.example"] {
            #expect(throws: InvalidSetting.self, "\(bad)") { try PublicAddress(configured: bad) }
        }
    }
}
