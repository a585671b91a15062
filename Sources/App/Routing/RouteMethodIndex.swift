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

        /// Per segment, how exactly it names the path: a constant over a parameter over a catch-all.
        var specificity: [Int] {
            components.map {
                switch $0 {
                case .constant: 3
                case .parameter: 2
                case .anything: 1
                case .catchall: 0
                }
            }
        }
    }

    private struct Snapshot {
        let routeCount: Int
        let patterns: [Pattern]
        let caseInsensitive: Bool
        /// For each route with a parameter, the more specific patterns some of its paths also fit.
        let rivals: [ObjectIdentifier: [Pattern]]
    }

    private let routes: Routes
    private let snapshot = NIOLockedValueBox<Snapshot?>(nil)

    init(routes: Routes) {
        self.routes = routes
    }

    /// Methods some route answers at `path` (HEAD wherever GET is, as Vapor serves it), sorted; empty when
    /// no route has this path at all.
    ///
    /// Where patterns overlap, only the most specific count, as the document lists them: at
    /// `/auth/social/link` the `link` route answers POST, and the `DELETE /auth/social/{provider}` route that
    /// the same path also fits is another resource.
    func methods(forPath path: String) -> [String] {
        let current = patterns()
        let segments = path.split(separator: "/").map(String.init)
        let matching = current.patterns.filter {
            Self.matches($0.components, segments, caseInsensitive: current.caseInsensitive)
        }
        guard let best = matching.map(\.specificity).max(by: { $0.lexicographicallyPrecedes($1) }) else { return [] }
        var methods = Set<String>()
        for pattern in matching where pattern.specificity == best {
            methods.insert(pattern.method.rawValue)
            if pattern.method == .GET { methods.insert(HTTPMethod.HEAD.rawValue) }
        }
        return methods.sorted()
    }

    /// The methods that answer `path` on more specific routes than `route`, which the router matched: empty
    /// unless a route with a parameter caught a path that names another resource exactly (`PUT
    /// /trips/my-trips` fits `PUT /trips/{tripId}`, but `/trips/my-trips` is the GET-only list of one's trips).
    func shadowingMethods(of route: Route, forPath path: String) -> [String] {
        let current = patterns()
        guard let rivals = current.rivals[ObjectIdentifier(route)], !rivals.isEmpty else { return [] }
        let segments = path.split(separator: "/").map(String.init)
        guard
            rivals.contains(where: { Self.matches($0.components, segments, caseInsensitive: current.caseInsensitive) })
        else { return [] }
        return methods(forPath: path)
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
            var rivals: [ObjectIdentifier: [Pattern]] = [:]
            for (route, pattern) in zip(all, patterns) {
                let overlapping = patterns.filter { other in
                    pattern.specificity.lexicographicallyPrecedes(other.specificity) && Self.overlap(pattern, other)
                }
                if !overlapping.isEmpty { rivals[ObjectIdentifier(route)] = overlapping }
            }
            let fresh = Snapshot(
                routeCount: all.count, patterns: patterns, caseInsensitive: routes.caseInsensitive, rivals: rivals)
            cached = fresh
            return fresh
        }
    }

    /// Whether some path fits both patterns of the same length: their constants agree wherever both have one.
    private static func overlap(_ one: Pattern, _ other: Pattern) -> Bool {
        guard one.components.count == other.components.count else { return false }
        return zip(one.components, other.components).allSatisfy { pair in
            if case .constant(let left) = pair.0, case .constant(let right) = pair.1 { return left == right }
            return true
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
