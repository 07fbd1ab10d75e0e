import Foundation
import RehearseCore

/// One xAPI 1.0.3 statement, ready to be written as JSON. The actor and the activities are kept
/// as written JSON (`XAPIBuilder` makes them once per learner and per question and shares them).
public struct XAPIStatement: Sendable {
    /// `result`: the response, the score and whether it was full marks.
    public struct Result: Sendable, Hashable {
        public var response: String?
        /// Earned points, 0 through `max`.
        public var raw: Double?
        public var max: Double?
        public var success: Bool?
        public var completion: Bool?
        /// An ISO 8601 duration.
        public var duration: String?
    }

    /// `context`: the attempt (registration), where the activity sits, and the extensions.
    public struct Context: Sendable {
        public var registration: UUID
        public var parent: [UInt8]?
        public var grouping: [UInt8]?
        /// The extensions object as compact JSON (`{"IRI":"value",...}`), written once per
        /// attempt and shared by its statements; empty for none.
        public var extensions: [UInt8]

        public init(
            registration: UUID, parent: [UInt8]?, grouping: [UInt8]?,
            extensions: [(iri: String, value: String)]
        ) {
            self.init(
                registration: registration, parent: parent, grouping: grouping,
                extensions: Self.extensionsJSON(extensions))
        }

        /// A context whose extensions are already written (see `extensionsJSON(_:)`).
        public init(registration: UUID, parent: [UInt8]?, grouping: [UInt8]?, extensions: [UInt8]) {
            self.registration = registration
            self.parent = parent
            self.grouping = grouping
            self.extensions = extensions
        }

        /// The extensions object of IRIs and string values, in order; empty for none.
        public static func extensionsJSON(_ extensions: [(iri: String, value: String)]) -> [UInt8] {
            guard !extensions.isEmpty else { return [] }
            var json = JSONWriter(capacity: 256)
            json.raw("{")
            for (index, extensionValue) in extensions.enumerated() {
                if index > 0 { json.raw(",") }
                json.string(extensionValue.iri)
                json.raw(":")
                json.string(extensionValue.value)
            }
            json.raw("}")
            return json.bytes
        }
    }

    public var id: UUID
    public var actor: [UInt8]
    public var verb: XAPIVocabulary.Verb
    public var object: [UInt8]
    public var result: Result?
    public var context: Context
    public var timestamp: Date

    /// The statement as compact JSON, keys in a fixed order.
    public func write(into json: inout JSONWriter) {
        json.raw("{\"id\":\"")
        json.uuid(id)
        json.raw("\",\"actor\":")
        json.append(actor)
        json.raw(",\"verb\":")
        json.append(verb.json)
        json.raw(",\"object\":")
        json.append(object)
        if let result { write(result, into: &json) }
        json.raw(",\"context\":{\"registration\":\"")
        json.uuid(context.registration)
        json.raw("\"")
        if context.parent != nil || context.grouping != nil {
            json.raw(",\"contextActivities\":{")
            if let parent = context.parent {
                json.raw("\"parent\":[")
                json.append(parent)
                json.raw("]")
            }
            if let grouping = context.grouping {
                if context.parent != nil { json.raw(",") }
                json.raw("\"grouping\":[")
                json.append(grouping)
                json.raw("]")
            }
            json.raw("}")
        }
        if !context.extensions.isEmpty {
            json.raw(",\"extensions\":")
            json.append(context.extensions)
        }
        json.raw("},\"timestamp\":\"")
        XAPITime.write(timestamp, into: &json)
        json.raw("\",\"version\":\"")
        json.text(XAPIVocabulary.version)
        json.raw("\"}")
    }

    /// The statement as compact JSON text.
    public var json: String {
        var writer = JSONWriter(capacity: 1024)
        write(into: &writer)
        return writer.rendered
    }

    private func write(_ result: Result, into json: inout JSONWriter) {
        json.raw(",\"result\":{")
        var separator = false
        func key(_ name: StaticString) {
            if separator { json.raw(",") }
            separator = true
            json.raw(name)
        }
        if let response = result.response {
            key("\"response\":")
            json.string(response)
        }
        if let raw = result.raw, let max = result.max, max > 0 {
            key("\"score\":{\"scaled\":")
            json.number(raw / max)
            json.raw(",\"raw\":")
            json.number(raw)
            json.raw(",\"min\":0,\"max\":")
            json.number(max)
            json.raw("}")
        }
        if let success = result.success {
            key("\"success\":")
            json.raw(success ? "true" : "false")
        }
        if let completion = result.completion {
            key("\"completion\":")
            json.raw(completion ? "true" : "false")
        }
        if let duration = result.duration {
            key("\"duration\":")
            json.string(duration)
        }
        json.raw("}")
    }
}
