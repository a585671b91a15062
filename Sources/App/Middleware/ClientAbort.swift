import NIOCore
import NIOHTTP1
import Vapor

/// Recognises the errors a request fails with when its client went away: it closed the connection in the
/// middle of sending the body, or reset it.
///
/// Such a request is not the server's failure and nobody is waiting for its answer, so it is logged at `info`
/// and counted under the status nginx made conventional for it, 499 "client closed request", instead of a
/// `critical` 500 that would page someone for a phone that lost its signal.
enum ClientAbort {
    /// nginx's status for a request its client abandoned; never sent, only logged and counted.
    static let status = HTTPResponseStatus(statusCode: 499, reasonPhrase: "Client Closed Request")

    static func isClientAbort(_ error: any Error) -> Bool {
        switch error {
        case let parser as HTTPParserError:
            // The connection closed before the message (its body) was complete.
            return parser == .invalidEOFState
        case let channel as ChannelError:
            return channel == .ioOnClosedChannel || channel == .eof || channel == .outputClosed
        case let io as IOError:
            return io.errnoCode == ECONNRESET || io.errnoCode == EPIPE
        default:
            return false
        }
    }
}
