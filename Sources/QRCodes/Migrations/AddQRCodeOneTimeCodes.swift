import Fluent

/// The `maximum` level's one-time code: the phone of the person handing over (sealed at rest), and the code
/// last sent to it (its keyed hash and when it lapses). One column per statement: SQLite adds one at a time.
struct AddQRCodeOneTimeCodes: AsyncMigration {
    static let columns: [(FieldKey, DatabaseSchema.DataType)] = [
        ("handover_phone_sealed", .string), ("one_time_code_hash", .string), ("one_time_code_expires_at", .datetime),
    ]

    func prepare(on database: any Database) async throws {
        for (name, type) in Self.columns {
            try await database.schema("qr_codes").field(name, type).update()
        }
    }

    func revert(on database: any Database) async throws {
        for (name, _) in Self.columns.reversed() {
            try await database.schema("qr_codes").deleteField(name).update()
        }
    }
}
