import Foundation

/// Why statements could not be sent.
public enum LRSError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No answer from the LRS at `url`.
    case unreachable(url: String, reason: String)
    /// The LRS refused the request (a 4xx other than 409), with its message.
    case refused(url: String, status: Int, message: String)
    /// The LRS kept failing (429 or 5xx) after every retry.
    case failing(url: String, status: Int, message: String, tries: Int)

    public var description: String {
        switch self {
        case .unreachable(let url, let reason):
            return "cannot reach the LRS at \(url): \(reason)"
        case .refused(let url, let status, let message):
            return "the LRS at \(url) refused the statements (HTTP \(status)): \(message)"
        case .failing(let url, let status, let message, let tries):
            return
                "the LRS at \(url) answered HTTP \(status) \(tries) times: \(message); nothing more was sent"
        }
    }
}

/// How often and how long to wait before sending again after a 429, a 5xx or a lost answer:
/// `base`, doubled each time up to `cap` seconds, or what `Retry-After` says (up to `cap`).
public struct LRSRetryPolicy: Sendable, Hashable {
    public var retries: Int
    public var base: Double
    public var cap: Double

    public init(retries: Int = 6, base: Double = 0.5, cap: Double = 30) {
        self.retries = retries
        self.base = base
        self.cap = cap
    }

    /// The wait before retry number `retry` (0 first).
    public func delay(beforeRetry retry: Int, retryAfter: Double?) -> Double {
        if let retryAfter, retryAfter.isFinite, retryAfter >= 0 { return min(retryAfter, cap) }
        return min(base * Double(1 << min(retry, 30)), cap)
    }
}

/// Sends statements to an xAPI LRS: `POST ENDPOINT/statements` with `X-Experience-API-Version:
/// 1.0.3` and basic auth, retrying 429 and 5xx with back-off.
public struct LRSClient: Sendable {
    /// What the LRS did with a batch.
    public enum Outcome: Sendable, Hashable {
        /// Stored (200).
        case stored
        /// It had every statement already (204).
        case alreadyStored
        /// It holds a different statement with an id of the batch (409), with its message.
        case conflict(String)
    }

    /// The endpoint, without a trailing slash (statements go to `ENDPOINT/statements`).
    public let endpoint: String
    let statementsURL: URL
    let authorization: String?
    let transport: any LRSTransport
    let policy: LRSRetryPolicy
    let sleep: @Sendable (Double) -> Void

    /// A client of `endpoint`; nil when it is not an http or https URL.
    public init?(
        endpoint: String, user: String?, password: String?, transport: any LRSTransport,
        policy: LRSRetryPolicy = LRSRetryPolicy(),
        sleep: @escaping @Sendable (Double) -> Void = { Thread.sleep(forTimeInterval: $0) }
    ) {
        var trimmed = endpoint
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let url = URL(string: trimmed + "/statements"),
            let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            url.host?.isEmpty == false
        else { return nil }
        self.endpoint = trimmed
        statementsURL = url
        if let user, !user.isEmpty {
            authorization = "Basic " + Data("\(user):\(password ?? "")".utf8).base64EncodedString()
        } else {
            authorization = nil
        }
        self.transport = transport
        self.policy = policy
        self.sleep = sleep
    }

    /// POSTs a JSON array of statements, retrying as the policy says.
    public func post(_ body: Data) throws(LRSError) -> Outcome {
        var headers = [
            "Content-Type": "application/json",
            "X-Experience-API-Version": XAPIVocabulary.version,
        ]
        if let authorization { headers["Authorization"] = authorization }
        var retry = 0
        while true {
            let response: LRSResponse
            do {
                response = try transport.post(statementsURL, body: body, headers: headers)
            } catch {
                guard !error.unreachable, retry < policy.retries else {
                    throw .unreachable(url: endpoint, reason: error.reason)
                }
                sleep(policy.delay(beforeRetry: retry, retryAfter: nil))
                retry += 1
                continue
            }
            switch response.status {
            case 200...203, 205...299: return .stored
            case 204: return .alreadyStored
            case 409: return .conflict(Self.message(response.body))
            case 429, 500...599:
                guard retry < policy.retries else {
                    throw .failing(
                        url: endpoint, status: response.status,
                        message: Self.message(response.body), tries: retry + 1)
                }
                sleep(policy.delay(beforeRetry: retry, retryAfter: response.retryAfter))
                retry += 1
            default:
                throw .refused(
                    url: endpoint, status: response.status, message: Self.message(response.body))
            }
        }
    }

    /// The LRS's message: `detail`, `message` or `error` of a JSON body, else the body's text
    /// (at most 300 characters), else "no message".
    static func message(_ body: Data) -> String {
        if let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] {
            for key in ["detail", "message", "error"] {
                if let text = object[key] as? String { return text }
                if let value = object[key], JSONSerialization.isValidJSONObject(value) {
                    if let data = try? JSONSerialization.data(withJSONObject: value, options: []),
                        let text = String(data: data, encoding: .utf8)
                    {
                        return String(text.prefix(300))
                    }
                }
            }
        }
        let text = String(decoding: body, as: UTF8.self).trimmingCharacters(
            in: .whitespacesAndNewlines)
        return text.isEmpty ? "no message" : String(text.prefix(300))
    }
}
