import Fluent
import Platform
import Vapor

struct AccountSettingsInput: Content {
    var preferredLanguage: String?
    var timezone: String?
    var preferredCurrency: String?
    var loginAlerts: Bool?
}
