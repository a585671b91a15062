import Foundation

/// A polygon is stored as its vertex list; decoding runs the same validation as `init(vertices:)`.
extension GeoPolygon: Codable {
    private enum CodingKeys: String, CodingKey {
        case vertices
    }

    /// Decodes `{"vertices": [...]}`, failing with the polygon's `Problem` description when the ring is invalid.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let vertices = try container.decode([Coordinate].self, forKey: .vertices)
        do {
            try self.init(vertices: vertices)
        } catch {
            throw DecodingError.dataCorruptedError(
                forKey: .vertices, in: container, debugDescription: error.description)
        }
    }

    /// Encodes the vertices only; the projection is derived again on decoding.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(vertices, forKey: .vertices)
    }
}
