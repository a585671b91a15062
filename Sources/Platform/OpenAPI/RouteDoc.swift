import Vapor

/// What `/openapi.json` says about a route: a summary, whether a bearer token is needed, the body type and
/// what the route needs of it, and the statuses it answers beyond those every route of its kind can.
public struct RouteDoc: Sendable {
    public var summary: String
    public var requiresAuth: Bool
    public var requestBody: (any (Decodable & Sendable).Type)?
    public var successStatus: Int
    /// Fields the route requires on a body type whose fields are optional at decoding (dotted for nested).
    public var requiredFields: [String]
    /// Rules the route applies to its body's top-level fields, for a type that several routes read with
    /// different rules (a cancellation's reason is required, a decline's optional).
    public var fieldRules: [String: FieldRule]
    /// The route reads its body only when one is sent.
    public var bodyIsOptional: Bool
    /// Statuses the route answers that its shape does not imply, such as 429 where a rate limit applies.
    public var extraStatuses: [Int]
    /// Query parameters the route reads, with their rules (`.required` for those it needs).
    public var queryParameters: [String: FieldRule]

    public init(
        summary: String, requiresAuth: Bool, requestBody: (any (Decodable & Sendable).Type)?, successStatus: Int,
        requiredFields: [String] = [], fieldRules: [String: FieldRule] = [:], bodyIsOptional: Bool = false,
        extraStatuses: [Int] = [], queryParameters: [String: FieldRule] = [:]
    ) {
        self.summary = summary
        self.requiresAuth = requiresAuth
        self.requestBody = requestBody
        self.successStatus = successStatus
        self.requiredFields = requiredFields
        self.fieldRules = fieldRules
        self.bodyIsOptional = bodyIsOptional
        self.extraStatuses = extraStatuses
        self.queryParameters = queryParameters
    }
}

extension Route {
    /// Documents the route for the OpenAPI description; every registered route must carry one.
    @discardableResult
    public func doc(
        _ summary: String, auth: Bool = true, body: (any (Decodable & Sendable).Type)? = nil, status: Int = 200,
        requiring: [String] = [], rules: [String: FieldRule] = [:], bodyOptional: Bool = false,
        also statuses: [Int] = [], query: [String: FieldRule] = [:]
    ) -> Route {
        userInfo["doc"] = RouteDoc(
            summary: summary, requiresAuth: auth, requestBody: body, successStatus: status, requiredFields: requiring,
            fieldRules: rules, bodyIsOptional: bodyOptional, extraStatuses: statuses, queryParameters: query)
        return self
    }

    /// The documentation set with `doc(_:)`, if any.
    public var routeDoc: RouteDoc? {
        userInfo["doc"] as? RouteDoc
    }
}
