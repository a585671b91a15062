import Vapor

/// What `/openapi.json` says about a route: a summary, whether a bearer token is needed, and the body type.
public struct RouteDoc: Sendable {
    public var summary: String
    public var requiresAuth: Bool
    public var requestBody: (any (Decodable & Sendable).Type)?
    public var successStatus: Int

    public init(
        summary: String, requiresAuth: Bool, requestBody: (any (Decodable & Sendable).Type)?, successStatus: Int
    ) {
        self.summary = summary
        self.requiresAuth = requiresAuth
        self.requestBody = requestBody
        self.successStatus = successStatus
    }
}

extension Route {
    /// Documents the route for the OpenAPI description; every registered route must carry one.
    @discardableResult
    public func doc(
        _ summary: String, auth: Bool = true, body: (any (Decodable & Sendable).Type)? = nil, status: Int = 200
    ) -> Route {
        userInfo["doc"] = RouteDoc(summary: summary, requiresAuth: auth, requestBody: body, successStatus: status)
        return self
    }

    /// The documentation set with `doc(_:)`, if any.
    public var routeDoc: RouteDoc? {
        userInfo["doc"] as? RouteDoc
    }
}
