import Fluent
import Platform
import Vapor

struct AccountSettingsInput: Content {
    var preferredLanguage: String?
    var timezone: String?
    var preferredCurrency: String?
    var loginAlerts: Bool?
}

extension AccountSettingsInput: DocumentedFields {
    static var fieldRules: [String: FieldRule] {
        ["preferredLanguage": .languageTag, "timezone": .timezone, "preferredCurrency": .currency]
    }
}
