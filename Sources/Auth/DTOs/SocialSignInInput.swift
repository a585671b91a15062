import Fluent
import Platform
import Vapor

struct SocialSignInInput: Content {
    var provider: String
    var idToken: String
    var userType: UserType?
    var firstName: String?
    var lastName: String?
    var acceptedTerms: Bool?
    var acceptedPrivacy: Bool?
    var deviceInfo: DeviceInfo?
}
