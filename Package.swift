// swift-tools-version:6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "P2PDelivery",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "p2p", targets: ["p2p"]),
        .executable(name: "matching-bench", targets: ["MatchingBenchmark"]),
        .executable(name: "ledger-bench", targets: ["LedgerBenchmark"]),
        .executable(name: "money-flow-bench", targets: ["MoneyFlowBenchmark"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.7.1"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/async-kit.git", from: "1.22.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.65.0"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
    ],
    targets: [
        // QR symbols and their PNG/SVG images; a leaf without Vapor, so any target (or tool) can draw a QR code.
        .target(
            name: "QRCodeKit",
            dependencies: [
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // Great-circle geometry, track simplification, fence shapes, a spatial grid and the stop sequencer; a leaf
        // without Vapor, so the pure rules of tracking are tested as values.
        .target(name: "GeoKit", swiftSettings: swiftSettings),
        .target(
            name: "Platform",
            dependencies: [
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            resources: [.copy("Resources/places.tsv")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Auth",
            dependencies: [
                "Platform", "QRCodeKit",
                .product(name: "JWTKit", package: "jwt-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "Users", dependencies: ["Platform", "Auth", "QRCodeKit"], swiftSettings: swiftSettings),
        .target(name: "Trips", dependencies: ["Platform", "Auth", "Users"], swiftSettings: swiftSettings),
        .target(
            name: "Payments", dependencies: ["Platform", .product(name: "SQLKit", package: "sql-kit")],
            swiftSettings: swiftSettings),
        .target(
            name: "QRCodes",
            dependencies: ["Platform", "QRCodeKit", .product(name: "SQLKit", package: "sql-kit")],
            swiftSettings: swiftSettings),
        .target(
            name: "Location",
            dependencies: ["Platform", "GeoKit", .product(name: "SQLKit", package: "sql-kit")],
            swiftSettings: swiftSettings),
        .target(
            name: "Deliveries",
            dependencies: ["Platform", "Auth", "Users", "Trips", "Payments", "QRCodes", "Location"],
            swiftSettings: swiftSettings),
        // Realistic cities, routes, trips, members and requests for `p2p seed --demo` and the benchmarks.
        .target(
            name: "DemoData", dependencies: ["Platform", "Auth", "Trips", "Deliveries"], swiftSettings: swiftSettings),
        .target(
            name: "App",
            dependencies: [
                "Platform", "Auth", "Users", "Trips", "Deliveries", "Payments", "QRCodes", "Location", "DemoData",
                .product(name: "AsyncKit", package: "async-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "p2p", dependencies: ["App"], swiftSettings: swiftSettings),
        .target(
            name: "BenchmarkSupport",
            dependencies: [
                "App", "Platform",
                .product(name: "Fluent", package: "fluent"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Vapor", package: "vapor"),
            ],
            path: "Benchmarks/BenchmarkSupport",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "MatchingBenchmark",
            dependencies: [
                "App", "BenchmarkSupport", "DemoData", "Deliveries", "Trips", "Users", "Platform",
            ],
            path: "Benchmarks/MatchingBenchmark",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "LedgerBenchmark",
            dependencies: [
                "App", "BenchmarkSupport", "Payments", "Platform",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Benchmarks/LedgerBenchmark",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "MoneyFlowBenchmark",
            dependencies: [
                "App", "BenchmarkSupport", "Deliveries", "DemoData", "Payments", "Platform", "QRCodeKit", "QRCodes",
                "Trips",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Benchmarks/MoneyFlowBenchmark",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TestSupport",
            dependencies: [
                "App", "Auth", "Platform",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            ],
            path: "Tests/TestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "QRCodeKitTests",
            dependencies: [
                "QRCodeKit", "TestSupport",
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "GeoKitTests", dependencies: ["GeoKit"], swiftSettings: swiftSettings),
        .testTarget(name: "LocationTests", dependencies: ["Location", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "PlatformTests", dependencies: ["Platform", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "AuthTests",
            dependencies: ["Auth", "TestSupport", .product(name: "JWTKit", package: "jwt-kit")],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "UsersTests", dependencies: ["Users", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "TripsTests", dependencies: ["Trips", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "DeliveriesTests", dependencies: ["Deliveries", "Payments", "QRCodes", "TestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(name: "PaymentsTests", dependencies: ["Payments", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "QRCodesTests", dependencies: ["QRCodes", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "AppTests",
            dependencies: [
                "App", "Auth", "Trips", "Deliveries", "Payments", "QRCodes", "Location", "TestSupport",
                .product(name: "AsyncKit", package: "async-kit"),
            ],
            swiftSettings: swiftSettings),
    ]
)
