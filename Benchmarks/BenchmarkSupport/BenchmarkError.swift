/// A benchmark that cannot go on, with the reason printed for the person running it.
public struct BenchmarkError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}
