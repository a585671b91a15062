import Fluent
import Platform
import Vapor

/// A trip with its capacity reservations and its history (the trip's domain events), for its traveler or an admin.
struct TripExport {
    let context: CallContext

    func export(_ tripId: UUID, by principal: Principal) async throws -> TripExportResponse {
        let trip = try await TripService(context: context).ownedTrip(tripId, by: principal, on: context.db)
        let reservations = try await CapacityReservation.query(on: context.db).filter(\.$trip.$id == tripId)
            .sort(\.$createdAt).sort(\.$id).all()
        let events = try await DomainEventRecord.query(on: context.db).filter(\.$aggregateId == tripId)
            .filter(\.$eventType, .custom("LIKE"), "trips.%")
            .sort(\.$occurredAt).sort(\.$createdAt).all()
        try await AuditTrail.record(
            "trip_exported", category: "trips", userId: principal.userId, entityType: "trip",
            entityId: tripId.uuidString, context: context)
        return TripExportResponse(
            exportedAt: context.now,
            trip: try await TripService(context: context).response(trip, viewer: principal.userId),
            reservations: try reservations.map(ReservationResponse.init),
            history: try events.map { event in
                TripExportResponse.HistoryEntry(
                    id: try event.requireID(),
                    event: event.eventType.hasPrefix("trips.") ? String(event.eventType.dropFirst(6)) : event.eventType,
                    occurredAt: event.occurredAt,
                    details: (try? JSONDecoder().decode(JSONValue.self, from: Data(event.payload.utf8))) ?? .null)
            })
    }
}

/// The export as one CSV table (RFC 4180, CRLF): a `trip` row, one `reservation` row each, one `event` row each.
enum TripExportCSV {
    static let header = ["record_type", "record_id", "time", "status", "weight_kg", "volume_l", "items", "details"]

    static func render(_ export: TripExportResponse) -> String {
        let trip = export.trip
        var rows = [header]
        rows.append([
            "trip", trip.id.uuidString, iso(trip.departureTime), trip.status.rawValue, number(trip.capacity.weight),
            number(trip.capacity.volume), String(trip.capacity.items),
            "\(trip.title): \(trip.origin.address) → \(trip.destination.address)",
        ])
        for reservation in export.reservations {
            var details: [String] = []
            if let delivery = reservation.deliveryId { details.append("delivery \(delivery.uuidString)") }
            if let note = reservation.note { details.append(note) }
            if let released = reservation.releasedAt { details.append("released \(iso(released))") }
            rows.append([
                "reservation", reservation.id.uuidString, iso(reservation.createdAt), reservation.status,
                number(reservation.amount.weight), number(reservation.amount.volume), String(reservation.amount.items),
                details.joined(separator: "; "),
            ])
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for entry in export.history {
            let details = (try? encoder.encode(entry.details)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            rows.append(["event", entry.id.uuidString, iso(entry.occurredAt), entry.event, "", "", "", details])
        }
        return rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// Quotes a field when it needs it, and defuses text a spreadsheet would run as a formula.
    static func field(_ raw: String) -> String {
        var text = raw
        if let first = text.first, "=+-@\t\r".contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func number(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String(value)
    }

    private static func iso(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}
