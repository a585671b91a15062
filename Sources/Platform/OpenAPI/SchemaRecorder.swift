import Foundation
import Vapor

/// Derives a JSON Schema for a `Decodable` type by decoding it with a decoder that records what it asks for.
///
/// Keys read with `decode` are required, keys read with `decodeIfPresent` optional; nested containers become
/// nested objects and arrays. It works for every request DTO without hand-written schemas, because the
/// schema is exactly what the decoding code accepts. What validation demands beyond decoding (lengths,
/// ranges, formats) comes from the types' `DocumentedFields` rules; `requiring` adds the fields a route needs
/// (dotted paths for nested ones) on a type whose fields are all optional at decoding.
public enum SchemaRecorder {
    public static func schema(
        for type: any Decodable.Type, requiring: [String] = [], rules: [String: FieldRule] = [:]
    ) -> [String: Any] {
        let node = record(type, requiring: requiring)
        node.apply(rules)
        return node.jsonSchema()
    }

    /// Whether the body carries a file, and so travels as `multipart/form-data`.
    public static func carriesFiles(_ type: any Decodable.Type) -> Bool {
        record(type, requiring: []).properties.contains { $0.1.kind == .binary }
    }

    static func record(_ type: any Decodable.Type, requiring: [String]) -> SchemaNode {
        let node = SchemaNode()
        _ = try? type.init(from: RecordingDecoder(node: node, depth: 0))
        node.apply(rulesOf: type)
        for path in requiring { node.require(path.split(separator: ".").map(String.init)) }
        return node
    }
}

final class SchemaNode {
    enum Kind { case unknown, object, array, string, number, integer, boolean, binary, any }
    var kind: Kind = .unknown
    var properties: [(String, SchemaNode)] = []
    var required: Set<String> = []
    var items: SchemaNode?
    var format: String?
    var enumValues: [String] = []
    /// Keys probed with `decodeNil(forKey:)`: the standard `decodeIfPresent` overloads do that first.
    var probedForNil: Set<String> = []
    var rule: FieldRule?
    /// Read with `decodeIfPresent`, which takes `null` as absent.
    var nullable = false

    /// Attaches the rules `type` states for its fields to the recorded children.
    func apply(rulesOf type: Any.Type) {
        guard let described = type as? any DocumentedFields.Type else { return }
        apply(described.fieldRules)
    }

    func apply(_ rules: [String: FieldRule]) {
        for (key, rule) in rules {
            guard let child = properties.first(where: { $0.0 == key })?.1 else { continue }
            child.rule = rule
            if rule.isRequired { required.insert(key) }
            if let element = rule.items?.first?.rule, let items = child.items { items.rule = element }
        }
    }

    func require(_ path: [String]) {
        guard let key = path.first, let child = properties.first(where: { $0.0 == key })?.1 else { return }
        required.insert(key)
        child.require(Array(path.dropFirst()))
    }

    func child(_ key: String, required isRequired: Bool) -> SchemaNode {
        kind = .object
        if isRequired && !probedForNil.contains(key) { required.insert(key) }
        let node = properties.first(where: { $0.0 == key })?.1 ?? SchemaNode()
        if !properties.contains(where: { $0.0 == key }) { properties.append((key, node)) }
        if probedForNil.contains(key) { node.nullable = true }
        return node
    }

    func jsonSchema() -> [String: Any] {
        var schema = baseSchema()
        if let rule { schema.merge(rule.keywords) { _, new in new } }
        if kind == .string, schema["pattern"] == nil, schema["format"] == nil, schema["enum"] == nil {
            schema["pattern"] = TextPattern.anyText
        }
        return schema
    }

    /// The schema of an optional field, which also takes `null`.
    func nullableSchema() -> [String: Any] {
        var schema = jsonSchema()
        guard nullable, let type = schema["type"] as? String else { return schema }
        schema["type"] = [type, "null"]
        if let values = schema["enum"] as? [Any] { schema["enum"] = values + [NSNull()] }
        return schema
    }

    private func baseSchema() -> [String: Any] {
        switch kind {
        case .object:
            // Fields the type does not read are ignored, but the strict reader still refuses control
            // characters in them, as everywhere in a body.
            var schema: [String: Any] = [
                "type": "object", "additionalProperties": TextPattern.cleanJSONReference,
                "propertyNames": ["pattern": TextPattern.anyText],
            ]
            schema["properties"] = Dictionary(
                uniqueKeysWithValues: properties.map { key, node in
                    (key, required.contains(key) ? node.jsonSchema() : node.nullableSchema())
                })
            if !required.isEmpty { schema["required"] = required.sorted() }
            return schema
        case .array: return ["type": "array", "items": items?.jsonSchema() ?? [:]]
        case .string:
            var schema: [String: Any] = ["type": "string"]
            if let format { schema["format"] = format }
            if !enumValues.isEmpty { schema["enum"] = enumValues }
            return schema
        case .number: return ["type": "number"]
        // Swift decodes `Int` and `Int64` only within 64 bits; a larger number is an unreadable body.
        case .integer: return ["type": "integer", "minimum": Int64.min, "maximum": Int64.max]
        case .boolean: return ["type": "boolean"]
        case .binary: return ["type": "string", "format": "binary"]
        case .any, .unknown: return TextPattern.cleanJSONReference
        }
    }
}

/// Ends recursion into self-referencing types.
struct RecordingStop: Error {}

struct RecordingDecoder: Decoder {
    let node: SchemaNode
    let depth: Int
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        node.kind = .object
        return KeyedDecodingContainer(RecordingKeyed<Key>(node: node, depth: depth))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        node.kind = .array
        let items = node.items ?? SchemaNode()
        node.items = items
        return RecordingUnkeyed(items: items, depth: depth)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        RecordingSingle(node: node, depth: depth)
    }
}

/// Records the type of a value and returns a stand-in so decoding of the enclosing object can go on.
func recordValue<T: Decodable>(_ type: T.Type, into node: SchemaNode, depth: Int) throws -> T {
    let stand: Any?
    switch type {
    case is String.Type: node.kind = .string; stand = ""
    case is UUID.Type: node.kind = .string; node.format = "uuid"; stand = UUID()
    case is Date.Type: node.kind = .string; node.format = "date-time"; stand = Date()
    case is Bool.Type: node.kind = .boolean; stand = false
    case is Int.Type: node.kind = .integer; stand = 0
    case is Int64.Type: node.kind = .integer; stand = Int64(0)
    case is Int32.Type: node.kind = .integer; stand = Int32(0)
    case is Double.Type: node.kind = .number; stand = 0.0
    case is Float.Type: node.kind = .number; stand = Float(0)
    case is File.Type: node.kind = .binary; stand = File(data: "", filename: "")
    case is JSONValue.Type: node.kind = .any; stand = JSONValue.null
    default: stand = nil
    }
    if let value = stand as? T { return value }
    if let iterable = type as? any CaseIterable.Type {
        let cases = allCases(of: iterable)
        node.kind = .string
        node.enumValues = cases.compactMap { ($0 as? any RawRepresentable)?.rawValue as? String }
        if let first = cases.first as? T { return first }
    }
    guard depth < 8 else { throw RecordingStop() }
    defer { node.apply(rulesOf: type) }
    return try T(from: RecordingDecoder(node: node, depth: depth + 1))
}

private func allCases<C: CaseIterable>(of type: C.Type) -> [Any] {
    type.allCases.map { $0 }
}

struct RecordingKeyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let node: SchemaNode
    let depth: Int
    var codingPath: [any CodingKey] = []
    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) throws -> Bool {
        node.probedForNil.insert(key.stringValue)
        return false
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try recordValue(type, into: node.child(key.stringValue, required: true), depth: depth)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        let child = node.child(key.stringValue, required: false)
        child.nullable = true
        _ = try? recordValue(type, into: child, depth: depth)
        return nil
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        let child = node.child(key.stringValue, required: true)
        child.kind = .object
        return KeyedDecodingContainer(RecordingKeyed<NestedKey>(node: child, depth: depth + 1))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        let child = node.child(key.stringValue, required: true)
        child.kind = .array
        let items = SchemaNode()
        child.items = items
        return RecordingUnkeyed(items: items, depth: depth + 1)
    }

    func superDecoder() throws -> any Decoder { RecordingDecoder(node: node, depth: depth) }
    func superDecoder(forKey key: Key) throws -> any Decoder {
        RecordingDecoder(node: node.child(key.stringValue, required: true), depth: depth + 1)
    }
}

struct RecordingUnkeyed: UnkeyedDecodingContainer {
    let items: SchemaNode
    let depth: Int
    var codingPath: [any CodingKey] = []
    /// One element is read so its type is recorded; then the array ends.
    var currentIndex = 0
    var count: Int? { 1 }
    var isAtEnd: Bool { currentIndex > 0 }

    mutating func decodeNil() throws -> Bool { false }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        currentIndex += 1
        return try recordValue(type, into: items, depth: depth)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        currentIndex += 1
        items.kind = .object
        return KeyedDecodingContainer(RecordingKeyed<NestedKey>(node: items, depth: depth + 1))
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        currentIndex += 1
        items.kind = .array
        let inner = SchemaNode()
        items.items = inner
        return RecordingUnkeyed(items: inner, depth: depth + 1)
    }
    mutating func superDecoder() throws -> any Decoder { RecordingDecoder(node: items, depth: depth) }
}

struct RecordingSingle: SingleValueDecodingContainer {
    let node: SchemaNode
    let depth: Int
    var codingPath: [any CodingKey] = []

    func decodeNil() -> Bool { false }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try recordValue(type, into: node, depth: depth)
    }
}
