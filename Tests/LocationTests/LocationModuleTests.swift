import Testing

@testable import Location

@Suite("Location module")
struct LocationModuleTests {
    @Test("the module is named location")
    func name() {
        #expect(LocationModule().name == "location")
    }
}
