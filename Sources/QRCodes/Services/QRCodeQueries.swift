import Fluent
import Foundation
import Platform
import QRCodeKit

/// Reading codes and their scans, for the delivery's parties and admins.
public struct QRCodeQueries: Sendable {
    let context: CallContext

    public init(context: CallContext) {
        self.context = context
    }

    /// A delivery's codes, newest first; 404 for anyone but its customer, its traveler and admins.
    public func codes(of deliveryId: UUID, for viewer: Principal) async throws -> [QRCodeResponse] {
        let codes = try await QRCodeRecord.query(on: context.db).filter(\.$deliveryId == deliveryId)
            .sort(\.$createdAt, .descending).all()
        guard let first = codes.first, viewer.isAdmin || [first.holderId, first.scannerId].contains(viewer.userId)
        else { throw QRCodeError.notFound }
        return try codes.map { try response($0, for: viewer) }
    }

    /// One code; 404 for anyone but the delivery's parties and admins.
    public func code(_ id: UUID, for viewer: Principal) async throws -> QRCodeResponse {
        try response(try await visible(id, to: viewer), for: viewer)
    }

    /// The code's symbol, for its holder and admins only: whoever sees it can hand it to the scanner.
    public func image(
        _ id: UUID, for viewer: Principal, format: QRImageFormat, moduleSize: Int
    ) async throws
        -> QRImage
    {
        let code = try await QRCodeIssuer(context: context).held(id, by: viewer)
        guard code.status == .active else {
            throw code.status == .used
                ? QRCodeError.alreadyUsed : code.status == .revoked ? QRCodeError.revoked : QRCodeError.expired
        }
        let symbol = try QREncoder.encode(code.sealedPayload, correction: .medium)
        switch format {
        case .png: return QRImage(bytes: QRImageRenderer.png(symbol, moduleSize: moduleSize), contentType: "image/png")
        case .svg:
            return QRImage(
                bytes: Array(QRImageRenderer.svg(symbol, moduleSize: moduleSize).utf8), contentType: "image/svg+xml")
        }
    }

    /// Every scan of a code, newest first.
    public func scans(of id: UUID, for viewer: Principal, page: PageQuery) async throws -> ListPage<QRCodeScanResponse>
    {
        _ = try await visible(id, to: viewer)
        return try await QRCodeScan.query(on: context.db).filter(\.$qrCodeId == id).sort(\.$scannedAt, .descending)
            .page(page).map(QRCodeScanResponse.init)
    }

    /// Scans flagged suspicious, newest first (admins).
    public func suspiciousScans(page: PageQuery) async throws -> ListPage<QRCodeScanResponse> {
        try await QRCodeScan.query(on: context.db).filter(\.$suspicious == true).sort(\.$scannedAt, .descending)
            .page(page).map(QRCodeScanResponse.init)
    }

    func response(_ code: QRCodeRecord, for viewer: Principal) throws -> QRCodeResponse {
        try QRCodeResponse(code, revealing: viewer.isAdmin || code.holderId == viewer.userId, keys: context.qrKeys)
    }

    private func visible(_ id: UUID, to viewer: Principal) async throws -> QRCodeRecord {
        guard let code = try await QRCodeRecord.find(id, on: context.db),
            viewer.isAdmin || [code.holderId, code.scannerId].contains(viewer.userId)
        else { throw QRCodeError.notFound }
        return code
    }
}

public enum QRImageFormat: String, Sendable, CaseIterable, Codable {
    case png, svg
}

public struct QRImage: Sendable {
    public var bytes: [UInt8]
    public var contentType: String
}
