/// Where a call came from, as audit and security records keep it.
public struct CallOrigin: Sendable, Equatable {
    /// The request id of the HTTP call, or of the request that queued the job; nil for the system.
    public var requestId: String?
    /// The client's address as the edge established it (trusted proxies only).
    public var clientAddress: String?
    public var userAgent: String?

    public init(requestId: String? = nil, clientAddress: String? = nil, userAgent: String? = nil) {
        self.requestId = requestId
        self.clientAddress = clientAddress
        self.userAgent = userAgent
    }

    /// A call the platform makes by itself (a scheduled task, a command).
    public static let system = CallOrigin()
}
