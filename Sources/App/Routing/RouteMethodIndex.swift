import NIOConcurrencyHelpers
import Vapor

/// The methods each registered path answers, for `405 Method Not Allowed` and its `Allow` header.
///
/// Vapor's router looks a route up by method first, so a known path under the wrong method is a plain
/// "not found". This index answers the other question, which methods would have matched this path, by
/// comparing the path with every route's pattern. It runs only for requests the router did not match, so a
/// linear scan over a few hundred patterns costs nothing the API's happy path pays.
final class RouteMethodIndex: Sendable {
    private struct Pattern {
        let components: [PathComponent]
        let method: HTTPMethod
    }

    private struct Snapshot {
        let routeCount: Int
        let patterns: [Pattern]
        let caseInsensitive: Bool
    }

    private let routes: Routes
    private let snapshot = NIOLockedValueBox<Snapshot?>(nil)

    init(routes: Routes) {
        self.routes = routes
    }

    /// Methods some route answers at `path` (HEAD wherever GET is, as Vapor serves it), sorted; empty when
    /// no route has this path at all.
    func methods(forPath path: String) -> [String] {
        let current = patterns()
        let segments = path.split(separator: "/").map(String.init)
        var methods = Set<String>()
        for pattern in current.patterns
        where Self.matches(pattern.components, segments, caseInsensitive: current.caseInsensitive) {
            methods.insert(pattern.method.rawValue)
            if pattern.method == .GET { methods.insert(HTTPMethod.HEAD.rawValue) }
        }
        return methods.sorted()
    }

    /// Every method some route uses, anywhere.
    func knownMethods() -> Set<String> {
        Set(patterns().patterns.map(\.method.rawValue))
    }

    /// Rebuilt when routes were added since the last look (tests register routes after boot).
    private func patterns() -> Snapshot {
        snapshot.withLockedValue { cached in
            let all = routes.all
            if let cached, cached.routeCount == all.count { return cached }
            let patterns = all.map { route in
                Pattern(
                    components: route.path.filter {
                        if case .constant(let text) = $0 { return !text.isEmpty }
                        return true
                    }, method: route.method)
            }
            let fresh = Snapshot(routeCount: all.count, patterns: patterns, caseInsensitive: routes.caseInsensitive)
            cached = fresh
            return fresh
        }
    }

    private static func matches(_ pattern: [PathComponent], _ segments: [String], caseInsensitive: Bool) -> Bool {
        for (offset, component) in pattern.enumerated() {
            if case .catchall = component { return segments.count > offset }
            guard offset < segments.count else { return false }
            if case .constant(let text) = component {
                let equal =
                    caseInsensitive
                    ? text.lowercased() == segments[offset].lowercased() : text == segments[offset]
                guard equal else { return false }
            }
        }
        return pattern.count == segments.count
    }
}
