import RehearseCore

/// A competency questions train and reports profile: the built-in three or a bank's own.
public struct Competency: Sendable, Hashable {
    public var id: String
    public var title: String
    public var description: String

    public init(id: String, title: String, description: String) {
        self.id = id
        self.title = title
        self.description = description
    }

    /// The competencies that apply when a bank has no `rehearse.yaml`.
    public static let builtIn: [Competency] = [
        Competency(
            id: "empathy", title: "Empathy",
            description: "acknowledging feelings, tone, respect, active listening"),
        Competency(
            id: "product-knowledge", title: "Product knowledge",
            description: "policies, products, prices, procedures: know your craft"),
        Competency(
            id: "above-and-beyond", title: "Above and beyond",
            description:
                "going the extra mile: follow-up, pointers, surprise, owning the outcome"),
    ]
}
