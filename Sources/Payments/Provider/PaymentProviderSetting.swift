import Platform
import Vapor

/// `PAYMENT_PROVIDER`: `sandbox` (the default) or `stripe`.
enum PaymentProviderSetting {
    static func provider(environment: [String: String], application: Application) throws -> any PaymentProvider {
        let chosen = environment["PAYMENT_PROVIDER"].flatMap { $0.isEmpty ? nil : $0 } ?? "sandbox"
        switch chosen {
        case "sandbox":
            return SandboxPaymentProvider()
        default:
            throw InvalidSetting("PAYMENT_PROVIDER", value: chosen, reason: "must be sandbox or stripe")
        }
    }
}
