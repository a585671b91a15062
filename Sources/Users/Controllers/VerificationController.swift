import Auth
import Fluent
import Platform
import Vapor

/// The signed-in user's verification: phone by SMS code, identity documents, status.
struct VerificationController: RouteCollection {
    struct StartPhoneRequest: Content {
        /// E.164; the profile's number when absent.
        var phoneNumber: String?
    }

    struct ConfirmPhoneRequest: Content {
        var code: String
    }

    /// `multipart/form-data`: `documentType`, files `front`, `back` (cards), `selfie`; JPEG, PNG, WebP or
    /// PDF (not for the selfie), at most 5 MB each.
    struct DocumentForm: Content {
        var documentType: String?
        var front: File?
        var back: File?
        var selfie: File?
    }

    func boot(routes: any RoutesBuilder) throws {
        let users = routes.grouped("users").grouped(RoleGuard.authenticated)
        users.post("me", "verify-phone", use: startPhone)
            .doc(
                "Send an SMS code to verify a phone number", body: StartPhoneRequest.self, bodyOptional: true,
                also: [429])
        users.post("me", "verify-phone", "confirm", use: confirmPhone)
            .doc("Confirm the phone number with the SMS code", body: ConfirmPhoneRequest.self, also: [429])
        users.get("me", "verification", "status", use: status).doc("Verification level, its facts and the next step")
        let upload: HTTPBodyStreamStrategy = .collect(maxSize: "16mb")
        users.on(.POST, "me", "verify-identity", body: upload, use: submit)
            .doc("Submit identity documents for review (multipart)", body: DocumentForm.self, status: 201)
        users.on(.POST, "verification", "documents", body: upload, use: submit)
            .doc("Upload identity documents for review (multipart)", body: DocumentForm.self, status: 201)
        users.on(.POST, "me", "verification", "resubmit", body: upload, use: resubmit)
            .doc("Resubmit identity documents after a rejection (multipart)", body: DocumentForm.self, status: 201)
    }

    /// `POST /users/me/verify-phone`
    @Sendable func startPhone(req: Request) async throws -> Envelope<PhoneVerificationStarted> {
        let input = try req.optionalBody(StartPhoneRequest.self, else: StartPhoneRequest())
        let started = try await PhoneVerificationService(context: req.callContext).start(
            try await req.currentUser(), phoneNumber: input.phoneNumber)
        return Envelope(started, message: "Verification code sent by SMS")
    }

    /// `POST /users/me/verify-phone/confirm`
    @Sendable func confirmPhone(req: Request) async throws -> Envelope<VerificationStatusResponse> {
        let input = try req.content.decode(ConfirmPhoneRequest.self)
        let user = try await req.currentUser()
        try await PhoneVerificationService(context: req.callContext).confirm(user, code: input.code.trimmed)
        return Envelope(
            try await IdentityVerificationService(context: req.callContext).status(of: user),
            message: "Phone number verified")
    }

    /// `GET /users/me/verification/status`
    @Sendable func status(req: Request) async throws -> Envelope<VerificationStatusResponse> {
        Envelope(
            try await IdentityVerificationService(context: req.callContext).status(of: try await req.currentUser()))
    }

    /// `POST /users/me/verify-identity`, `POST /users/verification/documents`
    @Sendable func submit(req: Request) async throws -> Response {
        try await receive(req, resubmission: false)
    }

    /// `POST /users/me/verification/resubmit`
    @Sendable func resubmit(req: Request) async throws -> Response {
        try await receive(req, resubmission: true)
    }

    private func receive(_ req: Request, resubmission: Bool) async throws -> Response {
        let submission = try Self.submission(from: try req.content.decode(DocumentForm.self))
        let document = try await IdentityVerificationService(context: req.callContext).submit(
            submission, for: try await req.currentUser(), resubmission: resubmission)
        return try await Envelope(
            try IdentityDocumentResponse(document), message: "Documents received; a reviewer will check them"
        ).response(status: .created, for: req)
    }

    /// Checks the form: every missing part is reported at once, then each file's size and type.
    static func submission(from form: DocumentForm) throws -> IdentityVerificationService.Submission {
        typealias DocumentType = UserVerificationDocument.DocumentType
        var check = RuleCheck()
        let type = form.documentType.flatMap(DocumentType.init(rawValue:))
        check.require(
            type != nil, "documentType must be one of \(DocumentType.allCases.map(\.rawValue).joined(separator: ", "))")
        check.require(form.front != nil, "front is required")
        check.require(form.selfie != nil, "selfie is required")
        if let type, type.needsBackImage {
            check.require(form.back != nil, "back is required for \(type.rawValue)")
        }
        try check.throwIfBroken()
        guard let type, let front = form.front, let selfie = form.selfie else {
            throw APIError.validation(check.problems)
        }
        return IdentityVerificationService.Submission(
            documentType: type,
            front: try UploadRules.check(front, field: "front", allowed: UploadRules.documents),
            back: try form.back.map { try UploadRules.check($0, field: "back", allowed: UploadRules.documents) },
            selfie: try UploadRules.check(selfie, field: "selfie", allowed: UploadRules.images))
    }
}

extension VerificationController.StartPhoneRequest: DocumentedFields {
    static var fieldRules: [String: FieldRule] {
        ["phoneNumber": .phoneNumber.described("E.164; required when the profile has no phone number")]
    }
}

extension VerificationController.ConfirmPhoneRequest: DocumentedFields {
    static var fieldRules: [String: FieldRule] { ["code": .matching("^[0-9]{6}$")] }
}

extension VerificationController.DocumentForm: DocumentedFields {
    static var fieldRules: [String: FieldRule] {
        [
            "documentType": .oneOf(UserVerificationDocument.DocumentType.self).required, "front": FieldRule().required,
            "selfie": FieldRule().required,
        ]
    }
}
