import Foundation
import Platform
import TestSupport
import Testing

@Suite("HTTP edge: client request ids")
struct RequestIdPolicyTests {
    @Test("ids of [A-Za-z0-9._:-]{1,128} are echoed; anything else is replaced by a minted id")
    func acceptsOnlySafeIds() async throws {
        try await withTestApp { t in
            let safe = [
                "abc-123", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "host:42.7_x",
                String(repeating: "a", count: 128),
            ]
            for id in safe {
                let response = try await t.request(.GET, "/api/v1/nothing", headers: ["X-Request-Id": id])
                #expect(response.headers.first(name: "X-Request-Id") == id)
                #expect(response.json["requestId"] as? String == id)
            }
            let unsafe = [
                "<script>x</script>", "a b", "quote\"d", String(repeating: "a", count: 129), "é", "a/b", "{x}",
            ]
            for id in unsafe {
                let response = try await t.request(.GET, "/api/v1/nothing", headers: ["X-Request-Id": id])
                let minted = try #require(response.headers.first(name: "X-Request-Id"))
                #expect(minted != id)
                #expect(RequestIdPolicy.accept(minted) == minted, "minted ids pass the same rule: \(minted)")
                #expect(response.json["requestId"] as? String == minted)
                #expect(!response.text.contains("<script>"))
            }
        }
    }
}
