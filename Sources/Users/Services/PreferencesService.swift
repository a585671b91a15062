import Fluent
import Platform
import Vapor

/// Reading and changing `user_preferences`, one setting or one category at a time, against the catalogue.
struct PreferencesService {
    let context: CallContext

    /// All four categories, with catalogue defaults filled in for settings added since the row was written.
    func all(of userId: UUID) async throws -> PreferencesResponse {
        PreferencesResponse(try await UserRows.preferences(of: userId, on: context.db))
    }

    /// The current value of one setting.
    func value(of userId: UUID, category: PreferenceCategory, setting: String) async throws -> JSONValue {
        guard let definition = category.settings[setting] else { throw Self.unknownSetting }
        let preferences = try await UserRows.preferences(of: userId, on: context.db)
        return preferences[category][setting] ?? definition.defaultValue
    }

    /// Sets the given settings of one category; every value is checked first and the change is all or nothing.
    func update(
        of userId: UUID, category: PreferenceCategory, values: [String: JSONValue]
    ) async throws
        -> PreferencesResponse
    {
        var check = RuleCheck()
        check.require(!values.isEmpty, "at least one \(category.rawValue) setting is required")
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            guard let definition = category.settings[name] else {
                check.fail("\(name) is not a \(category.rawValue) setting")
                continue
            }
            if let problem = definition.problem(with: value, name: name) { check.fail(problem) }
        }
        try check.throwIfBroken()
        return try await context.db.transaction { db in
            let preferences = try await UserRows.preferences(of: userId, on: db)
            preferences[category] = preferences[category].merging(values) { $1 }
            try await preferences.save(on: db)
            try await AuditTrail.record(
                "preferences_updated", category: "profile", userId: userId, entityType: "preferences",
                metadata: ["category": category.rawValue, "settings": values.keys.sorted().joined(separator: ",")],
                context: context.on(db))
            return PreferencesResponse(preferences)
        }
    }

    /// Puts one category (or all of them) back to the catalogue's defaults.
    func reset(of userId: UUID, category: PreferenceCategory?) async throws -> PreferencesResponse {
        try await context.db.transaction { db in
            let preferences = try await UserRows.preferences(of: userId, on: db)
            for reset in category.map({ [$0] }) ?? PreferenceCategory.allCases {
                preferences[reset] = reset.defaults
            }
            try await preferences.save(on: db)
            try await AuditTrail.record(
                "preferences_reset", category: "profile", userId: userId, entityType: "preferences",
                metadata: ["category": category?.rawValue ?? "all"], context: context.on(db))
            return PreferencesResponse(preferences)
        }
    }

    static let unknownSetting = APIError(
        .notFound, code: "PREFERENCE_NOT_FOUND", reason: "Preference setting not found")

    /// A category named in a path or body; unknown names are "not found".
    static func category(_ raw: String?) throws -> PreferenceCategory {
        // `notifications` matches the sibling route `/users/me/notifications`.
        let name = raw == "notifications" ? "notification" : raw
        guard let name, let category = PreferenceCategory(rawValue: name) else { throw unknownSetting }
        return category
    }
}

/// The four settings objects.
struct PreferencesResponse: Content, Sendable {
    var notification: [String: JSONValue]
    var privacy: [String: JSONValue]
    var location: [String: JSONValue]
    var payment: [String: JSONValue]
    var updatedAt: Date?

    init(_ preferences: UserPreferences) {
        func withDefaults(_ category: PreferenceCategory) -> [String: JSONValue] {
            category.defaults.merging(preferences[category]) { $1 }
        }
        notification = withDefaults(.notification)
        privacy = withDefaults(.privacy)
        location = withDefaults(.location)
        payment = withDefaults(.payment)
        updatedAt = preferences.updatedAt
    }
}
