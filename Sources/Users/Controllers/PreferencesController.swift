import Fluent
import Platform
import Vapor

/// The signed-in user's preferences: notification, privacy, location and payment settings.
struct PreferencesController: RouteCollection {
    struct SettingRequest: Content {
        /// Any JSON value the setting accepts (boolean, string, number or null).
        var value: JSONValue
    }

    struct ResetRequest: Content {
        /// One of `notification`, `privacy`, `location`, `payment`; all of them when absent.
        var category: String?
    }

    struct SettingResponse: Content {
        var category: String
        var setting: String
        var value: JSONValue
    }

    func boot(routes: any RoutesBuilder) throws {
        let me = routes.grouped("users", "me").grouped(RoleGuard.authenticated)
        me.get("preferences", use: all).doc("All preferences: notification, privacy, location and payment settings")
        me.put("notifications", use: updateNotifications)
            .doc("Update notification settings (an object of setting → value)", body: [String: JSONValue].self)
        me.get("preferences", ":category", ":setting", use: setting).doc("One preference setting")
        me.put("preferences", ":category", ":setting", use: updateSetting)
            .doc("Change one preference setting", body: SettingRequest.self)
        me.post("preferences", "reset", use: reset)
            .doc(
                "Reset preferences to their defaults (one category or all)", body: ResetRequest.self, bodyOptional: true
            )
    }

    /// `GET /users/me/preferences`
    @Sendable func all(req: Request) async throws -> Envelope<PreferencesResponse> {
        Envelope(try await PreferencesService(context: req.callContext).all(of: try req.principal.userId))
    }

    /// `PUT /users/me/notifications`
    @Sendable func updateNotifications(req: Request) async throws -> Envelope<PreferencesResponse> {
        let values = try req.content.decode([String: JSONValue].self)
        let updated = try await PreferencesService(context: req.callContext).update(
            of: try req.principal.userId, category: .notification, values: values)
        return Envelope(updated, message: "Notification preferences updated")
    }

    /// `GET /users/me/preferences/{category}/{setting}`
    @Sendable func setting(req: Request) async throws -> Envelope<SettingResponse> {
        let category = try PreferencesService.category(req.parameters.get("category"))
        let name = req.parameters.get("setting") ?? ""
        let value = try await PreferencesService(context: req.callContext).value(
            of: try req.principal.userId, category: category, setting: name)
        return Envelope(SettingResponse(category: category.rawValue, setting: name, value: value))
    }

    /// `PUT /users/me/preferences/{category}/{setting}`
    @Sendable func updateSetting(req: Request) async throws -> Envelope<SettingResponse> {
        let category = try PreferencesService.category(req.parameters.get("category"))
        let name = req.parameters.get("setting") ?? ""
        guard category.settings[name] != nil else { throw PreferencesService.unknownSetting }
        let input = try req.content.decode(SettingRequest.self)
        let updated = try await PreferencesService(context: req.callContext).update(
            of: try req.principal.userId, category: category, values: [name: input.value])
        let value = updated[category][name] ?? input.value
        return Envelope(
            SettingResponse(category: category.rawValue, setting: name, value: value), message: "Preference updated")
    }

    /// `POST /users/me/preferences/reset`
    @Sendable func reset(req: Request) async throws -> Envelope<PreferencesResponse> {
        let input = try req.optionalBody(ResetRequest.self, else: ResetRequest())
        var category: PreferenceCategory?
        if let name = input.category {
            guard let known = PreferenceCategory(rawValue: name == "notifications" ? "notification" : name) else {
                throw APIError.validation(["category must be one of notification, privacy, location, payment"])
            }
            category = known
        }
        let reset = try await PreferencesService(context: req.callContext).reset(
            of: try req.principal.userId, category: category)
        return Envelope(reset, message: "Preferences reset")
    }
}

extension PreferencesResponse {
    subscript(category: PreferenceCategory) -> [String: JSONValue] {
        switch category {
        case .notification: notification
        case .privacy: privacy
        case .location: location
        case .payment: payment
        }
    }
}

extension PreferencesController.ResetRequest: DocumentedFields {
    static var fieldRules: [String: FieldRule] {
        ["category": .oneOf(PreferenceCategory.allCases.map(\.rawValue) + ["notifications"])]
    }
}
