import Foundation
import TestSupport
import Testing
import Vapor

@Suite("Users: identity verification and the admin queue")
struct IdentityVerificationTests {
    @Test("submit → pending → admin approves → id_verified, then fully_verified with a phone")
    func approve() async throws {
        try await withTestApp { t in
            // setup
            let ann = try await t.signUp("ann@example.com")
            let root = try await t.superAdmin()
            // act
            let id = try await t.submitPassport(ann)
            let status = try await t.request(.GET, "/api/v1/users/me/verification/status", token: ann.accessToken)
            let queue = try await t.request(.GET, "/api/v1/users/verification/pending", token: root.accessToken)
            let approved = try await t.request(
                .POST, "/api/v1/users/verification/\(id)/approve", json: ["notes": "clear photo"],
                token: root.accessToken)
            // assert
            #expect(status.string("data.identityDocument.status") == "pending")
            #expect(status.string("data.nextStep") == "verify_phone")
            #expect(queue.status == .ok)
            #expect(queue.list.count == 1)
            #expect(queue.list.first?["userEmail"] as? String == "ann@example.com")
            #expect(
                (queue.list.first?["images"] as? [String: String])?["front"]
                    == "/api/v1/users/verification/\(id)/images/front")
            #expect(queue["pagination.total"] as? Int == 1)
            #expect(approved.status == .ok, "\(approved.text)")
            #expect(approved.string("data.status") == "approved")
            #expect(approved.string("data.reviewedBy") == root.id)
            let after = try await t.request(.GET, "/api/v1/users/me/verification/status", token: ann.accessToken)
            #expect(after.string("data.verificationLevel") == "id_verified")
            #expect(after["data.identityVerified"] as? Bool == true)
            try await t.verifyPhone(ann)
            let full = try await t.request(.GET, "/api/v1/users/me", token: ann.accessToken)
            #expect(full.string("data.verificationLevel") == "fully_verified")
            #expect(
                try await t.request(.GET, "/api/v1/users/verification/pending", token: root.accessToken).list.isEmpty)
            try await t.runJobs()
            #expect(t.mailbox.messages(to: "ann@example.com").contains { $0.subject == "Your identity is verified" })
            let twice = try await t.request(.POST, "/api/v1/users/verification/\(id)/approve", token: root.accessToken)
            #expect(twice.status == .conflict)
            #expect(twice.code == "INVALID_STATE_TRANSITION")
            let resubmitAfterApproval = try await t.request(
                .POST, "/api/v1/users/verification/documents", body: Data(),
                contentType: "multipart/form-data; boundary=x", token: ann.accessToken)
            #expect(resubmitAfterApproval.status != .created)
            var form = Multipart()
            form.field("documentType", "passport")
            form.file("front", SampleFile.jpeg)
            form.file("selfie", SampleFile.png)
            let again = try await t.upload("/api/v1/users/me/verify-identity", form, token: ann.accessToken)
            #expect(again.status == .conflict)
            #expect(again.code == "IDENTITY_ALREADY_VERIFIED")
        }
    }

    @Test("rejection needs a reason, is shown to the user, and opens resubmission")
    func rejectAndResubmit() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            let root = try await t.superAdmin()
            let notRejected = try await t.upload(
                "/api/v1/users/me/verification/resubmit", Self.passportForm(), token: ann.accessToken)
            #expect(notRejected.status == .conflict)
            #expect(notRejected.code == "NOTHING_TO_RESUBMIT")
            let id = try await t.submitPassport(ann, path: "/api/v1/users/verification/documents")
            let pendingAgain = try await t.upload(
                "/api/v1/users/me/verify-identity", Self.passportForm(), token: ann.accessToken)
            #expect(pendingAgain.status == .conflict)
            #expect(pendingAgain.code == "IDENTITY_REVIEW_PENDING")
            let noReason = try await t.request(
                .POST, "/api/v1/users/verification/\(id)/reject", json: ["reason": "x"], token: root.accessToken)
            #expect(noReason.status == .unprocessableEntity)
            let missingReason = try await t.request(
                .POST, "/api/v1/users/verification/\(id)/reject", json: [:], token: root.accessToken)
            #expect(missingReason.status == .badRequest)
            let rejected = try await t.request(
                .POST, "/api/v1/users/verification/\(id)/reject", json: ["reason": "The photo is blurred"],
                token: root.accessToken)
            #expect(rejected.status == .ok)
            #expect(rejected.string("data.status") == "rejected")
            let status = try await t.request(.GET, "/api/v1/users/me/verification/status", token: ann.accessToken)
            #expect(status.string("data.identityDocument.rejectionReason") == "The photo is blurred")
            #expect(status.string("data.verificationLevel") == "email_verified")
            try await t.verifyPhone(ann)
            let afterPhone = try await t.request(.GET, "/api/v1/users/me/verification/status", token: ann.accessToken)
            #expect(afterPhone.string("data.nextStep") == "resubmit_identity")
            let resubmitted = try await t.upload(
                "/api/v1/users/me/verification/resubmit", Self.passportForm(), token: ann.accessToken)
            #expect(resubmitted.status == .created)
            #expect(resubmitted.string("data.status") == "pending")
            let rejectApproved = try await t.request(
                .POST, "/api/v1/users/verification/\(id)/approve", token: root.accessToken)
            #expect(rejectApproved.code == "INVALID_STATE_TRANSITION")
            try await t.runJobs()
            #expect(t.mailbox.messages(to: "ann@example.com").contains { $0.body.contains("The photo is blurred") })
        }
    }

    @Test("missing parts, wrong types and oversized files are refused before anything is stored")
    func uploadRules() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            var empty = Multipart()
            empty.field("documentType", "library_card")
            let missing = try await t.upload("/api/v1/users/me/verify-identity", empty, token: ann.accessToken)
            #expect(missing.status == .unprocessableEntity)
            #expect(
                Set(missing.errors) == [
                    "documentType must be one of passport, national_id, drivers_license, residence_permit",
                    "front is required", "selfie is required",
                ])
            var card = Multipart()
            card.field("documentType", "national_id")
            card.file("front", SampleFile.pdf)
            card.file("selfie", SampleFile.png)
            let noBack = try await t.upload("/api/v1/users/me/verify-identity", card, token: ann.accessToken)
            #expect(noBack.errors == ["back is required for national_id"])
            var pdfSelfie = Self.passportForm(selfie: SampleFile.pdf)
            pdfSelfie.field("unused", "x")
            let selfie = try await t.upload("/api/v1/users/me/verify-identity", pdfSelfie, token: ann.accessToken)
            #expect(selfie.status == .unprocessableEntity)
            #expect(selfie.code == "UNSUPPORTED_FILE_TYPE")
            #expect(selfie.errors == ["selfie must be one of: image/jpeg, image/png, image/webp"])
            let gif = try await t.upload(
                "/api/v1/users/me/verify-identity", Self.passportForm(front: SampleFile.gif), token: ann.accessToken)
            #expect(gif.code == "UNSUPPORTED_FILE_TYPE")
            let big = try await t.upload(
                "/api/v1/users/me/verify-identity", Self.passportForm(front: SampleFile.oversizedPNG),
                token: ann.accessToken)
            #expect(big.status == .payloadTooLarge)
            #expect(big.errors == ["front must be at most 5 MB"])
            #expect(t.storedFiles.isEmpty)
            var fullCard = Multipart()
            fullCard.field("documentType", "drivers_license")
            fullCard.file("front", SampleFile.pdf)
            fullCard.file("back", SampleFile.webp)
            fullCard.file("selfie", SampleFile.jpeg)
            let accepted = try await t.upload("/api/v1/users/me/verify-identity", fullCard, token: ann.accessToken)
            #expect(accepted.status == .created)
            #expect(accepted["data.hasBackImage"] as? Bool == true)
            #expect(t.storedFiles.count == 3)
            #expect(!accepted.text.contains("identity-documents/"))
            let anonymous = try await t.upload("/api/v1/users/me/verify-identity", fullCard, token: nil)
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test("admins see the images; users get 403 on every admin route; unknown ids are 404")
    func adminOnly() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            let bob = try await t.signUp("bob@example.com")
            let root = try await t.superAdmin()
            let id = try await t.submitPassport(ann)
            let front = try await t.request(
                .GET, "/api/v1/users/verification/\(id)/images/front", token: root.accessToken)
            #expect(front.status == .ok)
            #expect(front.body == SampleFile.jpeg)
            #expect(front.headers.contentType?.serialize() == "image/jpeg")
            let back = try await t.request(
                .GET, "/api/v1/users/verification/\(id)/images/back", token: root.accessToken)
            #expect(back.status == .notFound)
            for (method, path) in [
                (HTTPMethod.GET, "/api/v1/users/verification/pending"), (.GET, "/api/v1/users/verification/statistics"),
                (.POST, "/api/v1/users/verification/\(id)/approve"), (.POST, "/api/v1/users/verification/\(id)/reject"),
                (.GET, "/api/v1/users/verification/\(id)/images/front"),
            ] {
                let asOwner = try await t.request(method, path, json: ["reason": "because"], token: ann.accessToken)
                #expect(asOwner.status == .forbidden, "\(path)")
                let asOther = try await t.request(method, path, json: ["reason": "because"], token: bob.accessToken)
                #expect(asOther.status == .forbidden, "\(path)")
                let anonymous = try await t.request(method, path)
                #expect(anonymous.status == .unauthorized, "\(path)")
            }
            let unknown = try await t.request(
                .POST, "/api/v1/users/verification/\(UUID())/approve", token: root.accessToken)
            #expect(unknown.status == .notFound)
            #expect(unknown.code == "VERIFICATION_NOT_FOUND")
            let malformed = try await t.request(
                .POST, "/api/v1/users/verification/nope/reject", json: ["reason": "blurred"], token: root.accessToken)
            #expect(malformed.status == .notFound)
            let unknownImage = try await t.request(
                .GET, "/api/v1/users/verification/\(UUID())/images/front", token: root.accessToken)
            #expect(unknownImage.status == .notFound)
        }
    }

    @Test("an admin cannot review their own verification")
    func noSelfReview() async throws {
        try await withTestApp { t in
            let root = try await t.superAdmin()
            let id = try await t.submitPassport(root)
            let own = try await t.request(.POST, "/api/v1/users/verification/\(id)/approve", token: root.accessToken)
            #expect(own.status == .forbidden)
            #expect(own.code == "SELF_REVIEW")
        }
    }

    @Test("statistics count documents by status and type, and users by level")
    func statistics() async throws {
        try await withTestApp { t in
            let ann = try await t.signUp("ann@example.com")
            let bob = try await t.signUp("bob@example.com")
            let annDoc = try await t.submitPassport(ann)
            t.clock.advance(by: 540)
            _ = try await t.submitPassport(bob)
            t.clock.advance(by: 540)
            let root = try await t.superAdmin()
            try await t.request(.POST, "/api/v1/users/verification/\(annDoc)/approve", token: root.accessToken)
            let queue = try await t.request(.GET, "/api/v1/users/verification/pending", token: root.accessToken)
            #expect(queue.list.map { $0["userEmail"] as? String } == ["bob@example.com"])
            let figures = try await t.request(.GET, "/api/v1/users/verification/statistics", token: root.accessToken)
            #expect(figures.status == .ok)
            #expect(figures["data.pending"] as? Int == 1)
            #expect(figures["data.approved"] as? Int == 1)
            #expect(figures["data.rejected"] as? Int == 0)
            #expect(figures["data.total"] as? Int == 2)
            #expect(figures["data.byDocumentType.passport"] as? Int == 2)
            #expect(figures["data.usersByVerificationLevel.id_verified"] as? Int == 1)
            #expect(figures["data.averageReviewHours"] as? Double == 0.3)
            #expect(figures["data.approvalRate"] as? Double == 1)
            let badPage = try await t.request(
                .GET, "/api/v1/users/verification/pending?limit=500", token: root.accessToken)
            #expect(badPage.status == .unprocessableEntity)
        }
    }

    static func passportForm(front: Data = SampleFile.jpeg, selfie: Data = SampleFile.png) -> Multipart {
        var form = Multipart()
        form.field("documentType", "passport")
        form.file("front", front)
        form.file("selfie", selfie)
        return form
    }
}
