import Auth
import DemoData
import Fluent
import Platform
import Vapor

/// `p2p seed --demo`: fills a fresh database with a believable marketplace to click through.
struct SeedCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "demo", help: "Write the demo marketplace (the only kind of seed for now)")
        var demo: Bool

        @Flag(name: "force", help: "Seed even though the database already has accounts")
        var force: Bool

        @Option(name: "seed", help: "Random seed: the same seed gives the same people, trips and requests (default 1)")
        var seed: Int?
    }

    var help: String {
        """
        Fills a fresh database with demo data: 30 travelers, 30 customers, 200 upcoming trips between real cities, \
        60 open delivery requests, offers and a few accepted deliveries. Prints a traveler and a customer login.
        """
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.demo else {
            context.console.error("Say what to seed: `p2p seed --demo` writes the demo marketplace")
            throw ExitCode(2)
        }
        guard let seed = UInt64(exactly: signature.seed ?? 1) else {
            context.console.error("--seed must be a number of 0 or more")
            throw ExitCode(2)
        }
        let app = context.application
        try await app.applyPendingMigrations()
        let marketplace = DemoMarketplace(app: app, seed: seed)
        let accounts = try await User.query(on: app.db).withDeleted().count()
        if accounts > 0, !signature.force {
            context.console.error(
                "This database already has \(accounts) account(s); `p2p seed --demo` fills a fresh one. "
                    + "Point P2P_DATA_DIR or DATABASE_URL at an empty database, or add --force to add demo data anyway."
            )
            throw ExitCode(1)
        }
        let taken = try await User.query(on: app.db).withDeleted()
            .filter(\.$email ~~ [marketplace.demoTravelerEmail, marketplace.demoCustomerEmail]).count()
        guard taken == 0 else {
            context.console.error("Demo data of seed \(seed) is already here: try another --seed")
            throw ExitCode(1)
        }
        context.console.info("Seeding the demo marketplace (seed \(seed))…")
        let summary = try await marketplace.run(progress: TerminalProgressBar())
        context.console.success(
            "Wrote \(summary.travelers) travelers, \(summary.customers) customers, \(summary.trips) trips, "
                + "\(summary.requests) requests, \(summary.offers) offers and \(summary.deliveries) accepted deliveries."
        )
        context.console.info("Sign in as a traveler: \(summary.travelerEmail) / \(summary.password)")
        context.console.info("Sign in as a customer: \(summary.customerEmail) / \(summary.password)")
    }
}
