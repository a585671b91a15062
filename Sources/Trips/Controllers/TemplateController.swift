import Fluent
import Platform
import Vapor

/// Trip templates: a traveler's reusable trip shapes, shared publicly if they like, and trips made from them.
struct TemplateController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let templates = routes.grouped("trips", "templates")
        let members = templates.grouped(RoleGuard.authenticated)
        let travelers = templates.grouped(RoleGuard.traveler)
        members.get(use: mine).doc("The signed-in member's templates, by name")
        travelers.post(use: create).doc(
            "Save a trip shape as a template", body: TemplateInput.self, status: 201, requiring: ["name", "tripData"])
        members.get("public", use: publicTemplates).doc("Public templates, by name")
        members.get("popular", use: popular).doc("Public templates, most used first")
        members.get("search", use: search).doc(
            "Templates you can see by text and/or category",
            query: [
                "q": FieldRule().described("at most 100 characters once trimmed; give q, category or both"),
                "category": FieldRule().described("2 to 40 letters, digits, hyphens or underscores"),
            ])
        members.get("categories", use: categories).doc("Categories of the templates you can see, with counts")
        members.get(":templateId", use: show).doc("One template")
        travelers.put(":templateId", use: update).doc("Change a template (its owner)", body: TemplateInput.self)
        members.delete(":templateId", use: delete).doc("Delete a template (its owner, or an admin)")
        travelers.post(":templateId", "create-trip", use: createTrip)
            .doc(
                "Create a trip from a template: times required, any trip field overrides", body: TripInput.self,
                status: 201)
    }

    /// `GET /trips/templates`
    @Sendable func mine(req: Request) async throws -> Envelope<[TemplateResponse]> {
        let principal = try req.principal
        return try Self.list(
            try await TemplateQueries(context: req.callContext, principal: principal).own(
                page: try PageQuery(from: req)), principal)
    }

    /// `POST /trips/templates`
    @Sendable func create(req: Request) async throws -> Response {
        let input = try req.content.decode(TemplateInput.self)
        let principal = try req.principal
        let template = try await TemplateService(context: req.callContext).create(input, by: principal)
        return try await Envelope(try TemplateResponse(template, viewer: principal.userId), message: "Template created")
            .response(status: .created, for: req)
    }

    /// `GET /trips/templates/public`
    @Sendable func publicTemplates(req: Request) async throws -> Envelope<[TemplateResponse]> {
        let principal = try req.principal
        let page = try await TemplateQueries(context: req.callContext, principal: principal).publicTemplates(
            page: try PageQuery(from: req))
        return try Self.list(page, principal)
    }

    /// `GET /trips/templates/popular`
    @Sendable func popular(req: Request) async throws -> Envelope<[TemplateResponse]> {
        let principal = try req.principal
        let page = try await TemplateQueries(context: req.callContext, principal: principal).popular(
            page: try PageQuery(from: req))
        return try Self.list(page, principal)
    }

    /// `GET /trips/templates/search?q=&category=`
    @Sendable func search(req: Request) async throws -> Envelope<[TemplateResponse]> {
        let text = (try req.query.get(String?.self, at: "q"))?.trimmed
        let rawCategory = (try req.query.get(String?.self, at: "category"))?.trimmed
        var check = RuleCheck()
        let query = text.flatMap { $0.isEmpty ? nil : $0 }
        let category = rawCategory.flatMap { $0.isEmpty ? nil : TemplateRules.category($0, check: &check) }
        check.require(query != nil || category != nil, "give q or category")
        check.require((query?.count ?? 0) <= 100, "q must be at most 100 characters")
        try check.throwIfBroken()
        let principal = try req.principal
        let page = try await TemplateQueries(context: req.callContext, principal: principal)
            .search(text: query, category: category, page: try PageQuery(from: req))
        return try Self.list(page, principal)
    }

    /// `GET /trips/templates/categories`
    @Sendable func categories(req: Request) async throws -> Envelope<[TemplateCategoryCount]> {
        Envelope(try await TemplateQueries(context: req.callContext, principal: try req.principal).categories())
    }

    /// `GET /trips/templates/{templateId}`
    @Sendable func show(req: Request) async throws -> Envelope<TemplateResponse> {
        let principal = try req.principal
        let template = try await TemplateService(context: req.callContext).visible(
            try Self.templateId(req), to: principal)
        return Envelope(try TemplateResponse(template, viewer: principal.userId))
    }

    /// `PUT /trips/templates/{templateId}`
    @Sendable func update(req: Request) async throws -> Envelope<TemplateResponse> {
        let input = try req.content.decode(TemplateInput.self)
        let principal = try req.principal
        let template = try await TemplateService(context: req.callContext).update(
            try Self.templateId(req), with: input, by: principal)
        return Envelope(try TemplateResponse(template, viewer: principal.userId), message: "Template updated")
    }

    /// `DELETE /trips/templates/{templateId}`
    @Sendable func delete(req: Request) async throws -> Envelope<Empty> {
        try await TemplateService(context: req.callContext).delete(try Self.templateId(req), by: try req.principal)
        return .message("Template deleted")
    }

    /// `POST /trips/templates/{templateId}/create-trip`
    @Sendable func createTrip(req: Request) async throws -> Response {
        let overrides = try req.content.decode(TripInput.self)
        let principal = try req.principal
        let trip = try await TemplateService(context: req.callContext)
            .createTrip(from: try Self.templateId(req), overrides: overrides, by: principal)
        let response = try await TripService(context: req.callContext).response(trip, viewer: principal.userId)
        return try await Envelope(response, message: "Trip created from template").response(status: .created, for: req)
    }

    private static func list(
        _ page: ListPage<TripTemplate>, _ principal: Principal
    ) throws -> Envelope<[TemplateResponse]> {
        .list(try page.map { try TemplateResponse($0, viewer: principal.userId) })
    }

    /// A malformed id is a template that does not exist.
    private static func templateId(_ req: Request) throws -> UUID {
        guard let id = req.parameters.get("templateId", as: UUID.self) else { throw TripsError.templateNotFound }
        return id
    }
}
