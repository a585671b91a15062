import Platform
import Vapor

extension Application {
    private struct PaymentProviderKey: StorageKey {
        typealias Value = any PaymentProvider
    }

    /// The provider that moves money outside the platform: chosen by `PAYMENT_PROVIDER` at boot (the sandbox by
    /// default); tests replace it.
    public var paymentProvider: any PaymentProvider {
        get {
            guard let provider = storage[PaymentProviderKey.self] else {
                fatalError("payment provider read before the payments module booted")
            }
            return provider
        }
        set { storage[PaymentProviderKey.self] = newValue }
    }
}

extension CallContext {
    public var paymentProvider: any PaymentProvider { application.paymentProvider }
}
