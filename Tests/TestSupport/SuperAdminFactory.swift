import Auth
import Foundation
import Vapor

enum SuperAdminFactory {
    static func create(email: String, password: String, app: Application) async throws -> UUID {
        try await SuperAdminBootstrap.create(
            email: email, password: password, firstName: "Root", lastName: "Admin", on: app)
    }
}
