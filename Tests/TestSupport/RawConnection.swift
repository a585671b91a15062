import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A TCP connection that writes exactly the bytes a test gives it and reads whatever the server answers.
///
/// Reads wait for the server, never for a clock; each read has a generous deadline only so that a server that
/// never answers fails the test instead of hanging it. Used by one test task at a time.
public final class RawConnection {
    /// How long a read waits before it gives up and closes the connection itself. Out of reach of a loaded
    /// machine (10 s was not, with two test suites sharing two cores): it only bounds a test whose server
    /// never answers.
    public static let deadline: Duration = .seconds(600)

    private let channel: any Channel
    private var chunks: AsyncStream<ByteBuffer>.Iterator
    private var pending = ByteBuffer()

    private init(channel: any Channel, chunks: AsyncStream<ByteBuffer>) {
        self.channel = channel
        self.chunks = chunks.makeAsyncIterator()
    }

    /// Connects; `initial` bytes are written the moment the connection is up, from the event loop, so no
    /// scheduling delay on a busy machine can sit between connecting and sending.
    static func open(port: Int, initial: String?) async throws -> RawConnection {
        let (stream, continuation) = AsyncStream.makeStream(of: ByteBuffer.self)
        let forwarder = ChunkForwarder(continuation: continuation, initial: initial.map { ByteBuffer(string: $0) })
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(forwarder)
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
        return RawConnection(channel: channel, chunks: stream)
    }

    /// Writes `text` as it is (request lines, headers, part of a body).
    public func send(_ text: String) async throws {
        try await channel.writeAndFlush(ByteBuffer(string: text)).get()
    }

    /// Closes the connection from this side.
    public func close() async {
        try? await channel.close().get()
    }

    /// The next complete response (head and a `Content-Length` body), or nil when the server closed first.
    public func readResponse() async -> RawResponse? {
        let watchdog = Self.watchdog(closing: channel, after: Self.deadline) {}
        defer { watchdog.cancel() }
        while true {
            if let response = RawResponse.take(from: &pending) { return response }
            guard var chunk = await chunks.next() else { return nil }
            pending.writeBuffer(&chunk)
        }
    }

    /// Whether the server closes the connection before the deadline (bytes it sends meanwhile are dropped).
    public func waitForServerClose(within limit: Duration = RawConnection.deadline) async -> Bool {
        let fired = NIOLockedValueBox(false)
        let watchdog = Self.watchdog(closing: channel, after: limit) { fired.withLockedValue { $0 = true } }
        while await chunks.next() != nil {}
        watchdog.cancel()
        return !fired.withLockedValue { $0 }
    }

    /// Closes `channel` after `limit` unless cancelled first, which ends any read waiting on it.
    private static func watchdog(
        closing channel: any Channel, after limit: Duration, onFire: @escaping @Sendable () -> Void
    ) -> Task<Void, any Error> {
        Task {
            try await Task.sleep(for: limit)
            onFire()
            try? await channel.close().get()
        }
    }
}

/// Sends the first bytes once connected, passes received bytes to the connection's stream and ends it when
/// the connection closes.
private final class ChunkForwarder: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer

    let continuation: AsyncStream<ByteBuffer>.Continuation
    let initial: ByteBuffer?

    init(continuation: AsyncStream<ByteBuffer>.Continuation, initial: ByteBuffer?) {
        self.continuation = continuation
        self.initial = initial
    }

    func channelActive(context: ChannelHandlerContext) {
        if let initial {
            context.writeAndFlush(NIOAny(initial), promise: nil)
        }
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        continuation.yield(unwrapInboundIn(data))
    }

    func channelInactive(context: ChannelHandlerContext) {
        continuation.finish()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
