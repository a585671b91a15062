import Fluent
import Platform

/// `qr_codes`: the seed's columns (the bound place as two numbers, since both databases must share one
/// migration set) plus who shows the code (`holder_id`), who must scan it (`scanner_id`), its nonce, and the
/// device a high-level code was bound to at its first scan. `backup_code` holds the backup code's keyed hash,
/// never the code; `encrypted_data` is the sealed payload.
struct CreateQRCodes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("qr_codes")
            .id()
            .field("delivery_id", .uuid, .required)
            .field("qr_type", .string, .required)
            .field("encrypted_data", .string, .required)
            .field("image_data", .string)
            .field("download_url", .string)
            .field("backup_code", .string, .required)
            .field("security_level", .string, .required)
            .field("security_features", .json)
            .field("nonce", .string, .required)
            .field("holder_id", .uuid, .required)
            .field("scanner_id", .uuid, .required)
            .field("bound_device", .string)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .field("status", .string, .required)
            .field("location_bound", .bool, .required)
            .field("bound_lat", .double)
            .field("bound_lng", .double)
            .field("bound_radius", .int)
            .field("created_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .field("revoked_reason", .string)
            .unique(on: "backup_code")
            .create()
        try await database.index(
            on: "qr_codes", name: "qr_codes_delivery_idx", columns: ["delivery_id", "qr_type", "status"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("qr_codes").delete()
    }
}

/// `qr_code_scans`: every verification attempt, good or bad, with its result and reason. A code that cannot be
/// identified (foreign, tampered) is logged without a `qr_code_id`.
struct CreateQRCodeScans: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("qr_code_scans")
            .id()
            .field("qr_code_id", .uuid)
            .field("delivery_id", .uuid)
            .field("scanned_by", .uuid, .required)
            .field("scan_result", .string, .required)
            .field("method", .string, .required)
            .field("scan_lat", .double)
            .field("scan_lng", .double)
            .field("device_info", .json)
            .field("additional_verification", .json)
            .field("failure_reason", .string)
            .field("suspicious", .bool, .required)
            .field("scanned_at", .datetime, .required)
            .create()
        try await database.index(
            on: "qr_code_scans", name: "qr_code_scans_code_idx", columns: ["qr_code_id", "scanned_at"])
        try await database.index(
            on: "qr_code_scans", name: "qr_code_scans_scanner_idx", columns: ["scanned_by", "scanned_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("qr_code_scans").delete()
    }
}
