import Foundation

extension GeoPolygon {
    /// Why a list of vertices is not an acceptable polygon; vertex and edge numbers are zero-based, and edge `i`
    /// runs from vertex `i` to vertex `i + 1` (the last edge closes the ring back to vertex 0).
    public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        /// Fewer than three distinct vertices (a repeated closing vertex is not counted).
        case tooFewVertices(count: Int)
        /// More vertices than `GeoPolygon.maximumVertexCount`.
        case tooManyVertices(count: Int)
        /// A vertex outside WGS-84 ranges or not finite.
        case invalidVertex(index: Int)
        /// A vertex equal to the one before it, which would make a zero-length edge.
        case repeatedVertex(index: Int)
        /// Two edges that cross, touch or overlap, so the ring is not simple.
        case crossingEdges(first: Int, second: Int)
        /// The vertices enclose no area (they are collinear).
        case noArea

        /// A sentence a person can act on.
        public var description: String {
            switch self {
            case .tooFewVertices(let count):
                "a polygon needs at least 3 vertices, got \(count)"
            case .tooManyVertices(let count):
                "a polygon has at most \(GeoPolygon.maximumVertexCount) vertices, got \(count)"
            case .invalidVertex(let index):
                "vertex \(index) is not a valid coordinate"
            case .repeatedVertex(let index):
                "vertex \(index) repeats the vertex before it"
            case .crossingEdges(let first, let second):
                "edges \(first) and \(second) cross"
            case .noArea:
                "the polygon has no area"
            }
        }
    }
}
