import Foundation

/// What an LRS answered: the status, the body, and `Retry-After` in seconds when it said one.
public struct LRSResponse: Sendable, Hashable {
    public var status: Int
    public var body: Data
    public var retryAfter: Double?

    public init(status: Int, body: Data = Data(), retryAfter: Double? = nil) {
        self.status = status
        self.body = body
        self.retryAfter = retryAfter
    }
}

/// A request that got no answer.
public struct LRSTransportError: Error, Sendable, Hashable {
    public var reason: String
    /// True when the server was never reached (refused, unknown host): retrying will not help;
    /// false when an answer was lost on the way (a timeout, a dropped connection).
    public var unreachable: Bool

    public init(reason: String, unreachable: Bool) {
        self.reason = reason
        self.unreachable = unreachable
    }
}

/// How requests reach an LRS: `URLSessionTransport` over the network, a scripted one in tests.
public protocol LRSTransport: Sendable {
    /// POSTs `body` to `url` with `headers`, and waits for the answer.
    func post(
        _ url: URL, body: Data, headers: [String: String]
    ) throws(LRSTransportError) -> LRSResponse
}
