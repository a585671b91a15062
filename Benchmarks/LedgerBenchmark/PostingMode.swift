/// One way of posting the workload: how many posters run at once, how many transfers each hands the ledger per
/// call, and whether calls go straight to `Ledger.post` (one transaction per call) or through `LedgerBatcher`
/// (concurrent calls share a transaction).
struct PostingMode: Sendable {
    enum Route: String, Sendable {
        case ledger
        case batcher
    }

    var posters: Int
    var batchSize: Int
    var route = Route.ledger

    var name: String {
        switch route {
        case .ledger:
            "\(batchSize == 1 ? "1 transfer" : "\(batchSize) transfers")/tx × \(posters) poster\(posters == 1 ? "" : "s")"
        case .batcher: "batcher × \(posters) callers"
        }
    }

    /// The modes of BENCHMARKS.md, the baseline (one poster, one transfer per transaction) first.
    static let all: [PostingMode] = [
        PostingMode(posters: 1, batchSize: 1),
        PostingMode(posters: 4, batchSize: 1),
        PostingMode(posters: 8, batchSize: 1),
        PostingMode(posters: 16, batchSize: 1),
        PostingMode(posters: 1, batchSize: 10),
        PostingMode(posters: 4, batchSize: 10),
        PostingMode(posters: 16, batchSize: 10),
        PostingMode(posters: 1, batchSize: 100),
        PostingMode(posters: 4, batchSize: 100),
        PostingMode(posters: 16, batchSize: 100),
        PostingMode(posters: 16, batchSize: 1, route: .batcher),
        PostingMode(posters: 32, batchSize: 1, route: .batcher),
        PostingMode(posters: 160, batchSize: 1, route: .batcher),
    ]
}
