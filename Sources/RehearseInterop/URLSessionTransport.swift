import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// HTTP through Foundation's `URLSession` (TLS verified as the system verifies it; there is no
/// way to turn that off). Requests are made one at a time and waited for.
public struct URLSessionTransport: LRSTransport {
    /// Seconds a request may take.
    public var timeout: Double

    public init(timeout: Double = 60) { self.timeout = timeout }

    public func post(
        _ url: URL, body: Data, headers: [String: String]
    ) throws(LRSTransportError) -> LRSResponse {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.httpBody = body
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let box = ResultBox()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let task = session.dataTask(with: request) { data, response, error in
            if let error {
                box.set(.failure(Self.describe(error)))
            } else if let http = response as? HTTPURLResponse {
                let retryAfter = (http.value(forHTTPHeaderField: "Retry-After")).flatMap {
                    Double($0.trimmingCharacters(in: .whitespaces))
                }
                box.set(
                    .success(
                        LRSResponse(
                            status: http.statusCode, body: data ?? Data(), retryAfter: retryAfter)))
            } else {
                box.set(
                    .failure(LRSTransportError(reason: "the answer is not HTTP", unreachable: true))
                )
            }
        }
        task.resume()
        return try box.wait().get()
    }

    private static func describe(_ error: any Error) -> LRSTransportError {
        let nsError = error as NSError
        let reason = nsError.localizedDescription
        guard nsError.domain == NSURLErrorDomain else {
            return LRSTransportError(reason: reason, unreachable: true)
        }
        switch nsError.code {
        case NSURLErrorTimedOut, NSURLErrorNetworkConnectionLost:
            return LRSTransportError(reason: reason, unreachable: false)
        default:
            return LRSTransportError(reason: reason, unreachable: true)
        }
    }

    /// The answer of a task, handed from URLSession's queue to the waiting caller.
    private final class ResultBox: @unchecked Sendable {
        private let condition = NSCondition()
        private var result: Result<LRSResponse, LRSTransportError>?

        func set(_ value: Result<LRSResponse, LRSTransportError>) {
            condition.lock()
            result = value
            condition.signal()
            condition.unlock()
        }

        func wait() -> Result<LRSResponse, LRSTransportError> {
            condition.lock()
            defer { condition.unlock() }
            while true {
                if let result { return result }
                condition.wait()
            }
        }
    }
}
