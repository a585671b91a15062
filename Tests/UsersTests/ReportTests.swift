import Foundation
import TestSupport
import Testing

@Suite("Users: reports")
struct ReportTests {
    @Test("a user reports another; admins list, review and close it")
    func fileAndReview() async throws {
        try await withTestApp { t in
            // setup
            let ann = try await t.signUp("ann@example.com")
            let bob = try await t.signUp("bob@example.com")
            let root = try await t.superAdmin()
            // act
            let filed = try await t.request(
                .POST, "/api/v1/users/reports",
                json: [
                    "reportedUserId": bob.id, "category": "no_show",
                    "description": "Did not come to the pickup at all.",
                ], token: ann.accessToken)
            // assert
            #expect(filed.status == .created, "\(filed.text)")
            #expect(filed.string("data.status") == "pending")
            let reportId = try #require(filed.string("data.id"))
            let queue = try await t.request(.GET, "/api/v1/users/reports?status=pending", token: root.accessToken)
            #expect(queue.list.map { $0["id"] as? String } == [reportId])
            let reviewing = try await t.request(
                .PUT, "/api/v1/users/reports/\(reportId)", json: ["status": "under_review"], token: root.accessToken)
            #expect(reviewing.status == .ok)
            #expect(reviewing.string("data.reviewedBy") == root.id)
            let duplicate = try await t.request(
                .POST, "/api/v1/users/reports",
                json: [
                    "reportedUserId": bob.id, "category": "fraud",
                    "description": "Also asked for payment outside the app.",
                ], token: ann.accessToken)
            #expect(duplicate.status == .conflict)
            #expect(duplicate.code == "DUPLICATE_REPORT")
            let noResolution = try await t.request(
                .PUT, "/api/v1/users/reports/\(reportId)", json: ["status": "resolved"], token: root.accessToken)
            #expect(noResolution.status == .unprocessableEntity)
            #expect(noResolution.errors == ["resolution is required to close a report"])
            let resolved = try await t.request(
                .PUT, "/api/v1/users/reports/\(reportId)",
                json: ["status": "resolved", "resolution": "Warned the traveler"], token: root.accessToken)
            #expect(resolved.status == .ok)
            #expect(resolved.string("data.resolution") == "Warned the traveler")
            let reopen = try await t.request(
                .PUT, "/api/v1/users/reports/\(reportId)",
                json: ["status": "dismissed", "resolution": "changed my mind"], token: root.accessToken)
            #expect(reopen.status == .conflict)
            #expect(reopen.code == "INVALID_STATE_TRANSITION")
            let afterClose = try await t.request(
                .POST, "/api/v1/users/reports",
                json: [
                    "reportedUserId": bob.id, "category": "fraud",
                    "description": "Also asked for payment outside the app.",
                ], token: ann.accessToken)
            #expect(afterClose.status == .created)
            let all = try await t.request(.GET, "/api/v1/users/reports", token: root.accessToken)
            #expect(all.list.count == 2)
        }
    }

    @Test("bad input, self, unknown users and unknown reports are refused; moderation is admin-only")
    func errors() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            let bob = try await t.signUp("bob@example.com")
            let root = try await t.superAdmin()
            let invalid = try await t.request(
                .POST, "/api/v1/users/reports",
                json: [
                    "reportedUserId": "bob", "category": "rudeness", "description": "short",
                ], token: ann.accessToken)
            #expect(invalid.status == .unprocessableEntity)
            #expect(
                Set(invalid.errors) == [
                    "reportedUserId must be a user id (UUID)",
                    "category must be one of spam, fraud, harassment, inappropriate_content, safety_concern, fake_profile, no_show, other",
                    "description must be 10 to 2000 characters",
                ])
            let yourself = try await t.request(
                .POST, "/api/v1/users/reports",
                json: [
                    "reportedUserId": ann.id, "category": "other", "description": "Reporting myself for testing",
                ], token: ann.accessToken)
            #expect(yourself.code == "CANNOT_TARGET_SELF")
            let unknown = try await t.request(
                .POST, "/api/v1/users/reports",
                json: [
                    "reportedUserId": UUID().uuidString, "category": "other", "description": "Nobody is behind this id",
                ], token: ann.accessToken)
            #expect(unknown.status == .notFound)
            let missing = try await t.request(
                .POST, "/api/v1/users/reports", json: ["category": "other"], token: ann.accessToken)
            #expect(missing.status == .badRequest)
            // A block does not stop a safety report.
            try await t.request(.POST, "/api/v1/users/block/\(ann.id)", token: bob.accessToken)
            let blocked = try await t.request(
                .POST, "/api/v1/users/reports",
                json: [
                    "reportedUserId": bob.id, "category": "safety_concern",
                    "description": "Threatening messages before blocking me",
                ], token: ann.accessToken)
            #expect(blocked.status == .created)
            let reportId = try #require(blocked.string("data.id"))
            let asUser = try await t.request(.GET, "/api/v1/users/reports", token: ann.accessToken)
            #expect(asUser.status == .forbidden)
            let reviewAsUser = try await t.request(
                .PUT, "/api/v1/users/reports/\(reportId)", json: ["status": "dismissed", "resolution": "no"],
                token: bob.accessToken)
            #expect(reviewAsUser.status == .forbidden)
            let anonymous = try await t.request(.POST, "/api/v1/users/reports", json: [:])
            #expect(anonymous.status == .unauthorized)
            let anonymousList = try await t.request(.GET, "/api/v1/users/reports")
            #expect(anonymousList.status == .unauthorized)
            let unknownReport = try await t.request(
                .PUT, "/api/v1/users/reports/\(UUID())", json: ["status": "under_review"], token: root.accessToken)
            #expect(unknownReport.status == .notFound)
            #expect(unknownReport.code == "REPORT_NOT_FOUND")
            let badStatus = try await t.request(
                .PUT, "/api/v1/users/reports/\(reportId)", json: ["status": "pending"], token: root.accessToken)
            #expect(badStatus.status == .unprocessableEntity)
            let badFilter = try await t.request(.GET, "/api/v1/users/reports?status=open", token: root.accessToken)
            #expect(badFilter.status == .unprocessableEntity)
        }
    }

    @Test("when the reporter deletes their account the report stays, its description erased")
    func reporterErased() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            let bob = try await t.signUp("bob@example.com")
            let root = try await t.superAdmin()
            try await t.request(
                .POST, "/api/v1/users/reports",
                json: [
                    "reportedUserId": bob.id, "category": "spam", "description": "Ann's own words about Bob's spam",
                ], token: ann.accessToken)
            let deleted = try await t.request(
                .DELETE, "/api/v1/users/me", json: ["password": ann.password], token: ann.accessToken)
            #expect(deleted.status == .ok)
            let reports = try await t.request(.GET, "/api/v1/users/reports", token: root.accessToken)
            #expect(reports.list.count == 1)
            #expect(reports.list.first?["category"] as? String == "spam")
            #expect(reports.list.first?["description"] as? String == "[erased with the reporter's account]")
        }
    }
}
