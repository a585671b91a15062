import Foundation
import TestSupport
import Testing

/// Receipts of a paid booking, as HTML and as a PDF whose structure any reader accepts.
@Suite("Receipts")
struct ReceiptTests {
    @Test("HTML and PDF receipts itemise the payment; only the customer and admins get them")
    func receipts() async throws {
        try await withTestApp { t in
            let booking = try await t.bookDelivery()
            let history = try await t.request(.GET, "/api/v1/payments/history", token: booking.customer.accessToken)
            let intentId = try #require(history.list.first?["id"] as? String)
            let html = try await t.request(
                .GET, "/api/v1/payments/intents/\(intentId)/receipt", token: booking.customer.accessToken)
            #expect(html.status == .ok)
            #expect(html.headers.first(name: .contentType)?.hasPrefix("text/html") == true)
            #expect(html.text.contains("45.00 EUR"))
            #expect(html.text.contains("1.61 EUR"))
            #expect(html.text.contains("46.61 EUR"))
            #expect(!html.text.contains("<script"))

            let pdf = try await t.request(
                .GET, "/api/v1/payments/intents/\(intentId)/receipt?format=pdf", token: booking.customer.accessToken)
            #expect(pdf.headers.first(name: .contentType) == "application/pdf")
            let text = String(decoding: pdf.body, as: UTF8.self)
            #expect(text.hasPrefix("%PDF-1.4"))
            #expect(text.contains("(46.61 EUR) Tj"))
            // Every cross-reference entry points at the start of its object.
            let xrefStart = try #require(Int(text.components(separatedBy: "startxref\n")[1].prefix { $0.isNumber }))
            let bytes = Array(pdf.body)
            #expect(String(decoding: bytes[xrefStart..<xrefStart + 4], as: UTF8.self) == "xref")
            let entries = text.components(separatedBy: "\n").filter { $0.hasSuffix(" 00000 n ") }
            #expect(entries.count == 6)
            for (index, entry) in entries.enumerated() {
                let offset = try #require(Int(entry.prefix(10)))
                let header = "\(index + 1) 0 obj"
                #expect(String(decoding: bytes[offset..<offset + header.utf8.count], as: UTF8.self) == header)
            }

            let traveler = try await t.request(
                .GET, "/api/v1/payments/intents/\(intentId)/receipt", token: booking.traveler.accessToken)
            #expect(traveler.status == .notFound)
        }
    }
}
