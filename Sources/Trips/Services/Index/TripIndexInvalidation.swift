import Fluent

/// Tells the node's matching index about trip writes made through Fluent here, so that a search right after a
/// trip is created, changed or removed sees it. Capacity moves are plain SQL and are not announced: a search
/// confirms capacity against the database, and room given back shows up within `TripIndex.freshness`.
struct TripIndexInvalidation: AsyncModelMiddleware {
    let index: TripIndex

    func create(model: Trip, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.create(model, on: db)
        index.noteLocalChange()
    }

    func update(model: Trip, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.update(model, on: db)
        index.noteLocalChange()
    }

    func delete(model: Trip, force: Bool, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.delete(model, force: force, on: db)
        index.noteLocalChange()
    }
}
