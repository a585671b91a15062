import BenchmarkSupport
import Foundation
import Logging
import NIOCore
import NIOPosix

/// `ledger-bench`: durable transfers per second through `Ledger.post` in several posting modes, side by side
/// in one run so their ratios come from the same (noisy) machine, with the ledger's invariants checked after
/// every mode.
@main
enum LedgerBenchmark {
    static func main() async {
        BenchmarkLogging.bootstrap()
        do {
            let options = try LedgerBenchmarkOptions.parse(Array(CommandLine.arguments.dropFirst()))
            // Before anything else runs on the default executor; `p2p serve` does not do this.
            if options.nioExecutor,
                !NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
            {
                throw BenchmarkError("could not make NIO's event loops Swift Concurrency's global executor")
            }
            var report = try await run(options)
            report.nioExecutor = options.nioExecutor
            report.print()
        } catch {
            FileHandle.standardError.write(Data("ledger-bench: \(error)\n".utf8))
            exit(1)
        }
    }

    static func run(_ options: LedgerBenchmarkOptions) async throws -> LedgerBenchmarkReport {
        let store = try await LedgerBenchmarkStore.open(options)
        do {
            let app = store.app
            var report = LedgerBenchmarkReport(
                machine: try await MachineFacts.gather(store: options.store, db: app.db),
                secondsPerMode: options.seconds)
            var state = EscrowState(world: EscrowWorld(), run: String(UUID().uuidString.prefix(8)))
            let runner = ModeRunner(app: app, seconds: options.seconds)
            try await runner.warmUp(state: &state)
            let modes = PostingMode.all.filter { mode in
                options.only.isEmpty || options.only.contains { mode.name.contains($0) }
            }
            for mode in modes {
                let result = try await runner.run(mode, state: &state)
                FileHandle.standardError.write(
                    Data(String(format: "%@: %.0f transfers/s\n", mode.name, result.transfersPerSecond).utf8))
                report.modes.append(result)
            }
            try await store.close()
            return report
        } catch {
            try? await store.close()
            throw error
        }
    }
}
