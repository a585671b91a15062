import Fluent
import Vapor

/// Paging metadata beside a list's `data`.
public struct Pagination: Content, Sendable, Equatable {
    public var page: Int
    public var limit: Int
    public var total: Int
    public var totalPages: Int

    public init(page: Int, limit: Int, total: Int) {
        self.page = page
        self.limit = limit
        self.total = total
        self.totalPages = limit > 0 ? (total + limit - 1) / limit : 0
    }
}

/// `?page=&limit=` read from the query: page ≥ 1, 1 ≤ limit ≤ 100, 20 by default.
public struct PageQuery: Sendable {
    public static let maxLimit = 100
    public var page: Int
    public var limit: Int

    public init(page: Int = 1, limit: Int = 20) {
        self.page = max(1, page)
        self.limit = min(Self.maxLimit, max(1, limit))
    }

    public init(from req: Request) throws {
        let page = try req.query.get(Int?.self, at: "page") ?? 1
        let limit = try req.query.get(Int?.self, at: "limit") ?? 20
        var problems: [String] = []
        if page < 1 { problems.append("page must be at least 1") }
        if limit < 1 || limit > Self.maxLimit { problems.append("limit must be between 1 and \(Self.maxLimit)") }
        guard problems.isEmpty else { throw APIError.validation(problems) }
        self.init(page: page, limit: limit)
    }

    public var offset: Int { (page - 1) * limit }
}

/// One page of results with its metadata.
public struct ListPage<Item: Sendable>: Sendable {
    public var items: [Item]
    public var pagination: Pagination

    public init(items: [Item], pagination: Pagination) {
        self.items = items
        self.pagination = pagination
    }

    public func map<Other>(_ transform: (Item) throws -> Other) rethrows -> ListPage<Other> {
        ListPage<Other>(items: try items.map(transform), pagination: pagination)
    }
}

extension QueryBuilder {
    /// Runs the query for one page and counts the total in the same filter.
    public func page(_ request: PageQuery) async throws -> ListPage<Model> {
        let total = try await self.copy().count()
        let items = try await self.copy().range(request.offset..<(request.offset + request.limit)).all()
        return ListPage(items: items, pagination: Pagination(page: request.page, limit: request.limit, total: total))
    }
}

extension Envelope {
    /// A list envelope with its pagination beside the data.
    public static func list<Item>(_ page: ListPage<Item>) -> Envelope<[Item]> where Payload == [Item] {
        Envelope<[Item]>(page.items, pagination: page.pagination)
    }
}
