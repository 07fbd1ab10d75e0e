import Foundation
import RehearseBank
import RehearseCore
import RehearseScoring

/// New bank files for authors (`rehearse new scenario ID`, `rehearse new quiz ID`): a commented
/// skeleton that passes `rehearse check --strict` as it stands, written where the bank expects
/// it and never over an existing file.
public enum BankSkeleton {
    /// What to create.
    public enum Kind: String, CaseIterable, Sendable {
        case scenario, quiz

        /// The bank folder that holds files of this kind.
        public var folder: String { self == .scenario ? "scenarios" : "quizzes" }
    }

    /// A file that was written.
    public struct Created: Sendable, Equatable {
        /// The path as people should see it (relative to the current folder when inside it).
        public var path: String
        /// What to tell the author.
        public var message: String
    }

    /// Why a file was not written.
    public struct Failure: Error, Sendable, Equatable {
        public enum Reason: Sendable, Equatable {
            /// The id is not a valid id.
            case invalidID
            /// A file of that name, or a file of the same kind and id, exists already.
            case exists
            /// The folder or the file cannot be written.
            case unwritable
        }

        public var reason: Reason
        public var message: String
        public var hint: String
    }

    /// Is `id` usable as the id and file name of a new file?
    public static func validate(id: String) -> Result<Void, Failure> {
        guard !Identifier.isValid(id) else { return .success(()) }
        return .failure(
            Failure(
                reason: .invalidID, message: "`\(id)` is not a valid id",
                hint: "use lower-case letters, digits and `-`, starting with a letter or digit"
                    + (Identifier.suggestion(for: id).map { ", e.g. `\($0)`" } ?? "")))
    }

    /// Writes a new `kind` file named `id` into the bank at `root`.
    public static func create(
        _ kind: Kind, id: String, bankRoot root: String,
        base: String = FileManager.default.currentDirectoryPath
    ) -> Result<Created, Failure> {
        let display = { (path: String) in BankDirectory.displayPath(path, base: base) }
        if case .failure(let failure) = validate(id: id) { return .failure(failure) }
        guard BankDirectory.isDirectory(root) else {
            return .failure(
                Failure(
                    reason: .unwritable,
                    message: "cannot write into \(display(root)): no such folder",
                    hint: "give the bank's folder with `--bank DIR`"))
        }
        let folder = BankDirectory.join(root, kind.folder)
        let path = BankDirectory.join(folder, "\(id).yaml")
        if let existing = existingFile(kind, id: id, root: root) {
            return .failure(
                Failure(
                    reason: .exists,
                    message: "\(display(existing)) already exists; it is left as it is",
                    hint: "choose another id, or edit that file"))
        }
        let text = text(kind, id: id, in: root)
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
        } catch {
            return .failure(
                Failure(
                    reason: .unwritable, message: "cannot write \(display(path))",
                    hint: "check that the bank folder exists and that you may write to it"))
        }
        return .success(
            Created(
                path: display(path),
                message:
                    "wrote \(display(path)): fill it in, then run `rehearse check --strict`"))
    }

    /// A file of the bank with the name `id` for `kind` (any extension, any sub-folder), or a
    /// scenario or quiz file in any sub-folder that has that name.
    static func existingFile(_ kind: Kind, id: String, root: String) -> String? {
        let files = (try? BankDirectory.yamlFiles(in: root, folder: kind.folder)) ?? []
        let direct = ["yaml", "yml"].map {
            BankDirectory.join(BankDirectory.join(root, kind.folder), "\(id).\($0)")
        }
        if let exact = direct.first(where: { FileManager.default.fileExists(atPath: $0) }) {
            return exact
        }
        return files.first { file in
            let name = file.split(separator: "/").last.map(String.init) ?? file
            return name == "\(id).yaml" || name == "\(id).yml"
        }
    }

    /// The skeleton for a bank at `root`: it names the bank's first competency and, for a quiz,
    /// points at one of the bank's scenarios.
    static func text(_ kind: Kind, id: String, in root: String) -> String {
        let sources = BankDirectory.configFiles(root: root).compactMap { path in
            FileManager.default.contents(atPath: path).map {
                SourceFile(path: path, bytes: [UInt8]($0), role: .config)
            }
        }
        let competencies = BankLoader.load(sources).bank.competencies
        let competency = competencies.first?.id ?? Competency.builtIn[0].id
        switch kind {
        case .scenario:
            return scenario(id: id, competency: competency)
        case .quiz:
            let scenarios = (try? BankDirectory.yamlFiles(in: root, folder: "scenarios")) ?? []
            let example = scenarios.first.flatMap { $0.split(separator: "/").last }.map {
                String($0.prefix { $0 != "." })
            }
            return quiz(id: id, competency: competency, scenario: example)
        }
    }

    /// The id as a title: `late-sofa-delivery` -> `Late sofa delivery`.
    static func title(_ id: String) -> String {
        let words = id.replacingAll("-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    static func scenario(id: String, competency: String) -> String {
        """
        # A scenario: one customer situation, played out in steps. Each step is a question.
        # The keys are described in docs/format.md ("Scenario files", "Questions").
        # Check your work with `rehearse check --strict`.
        id: \(id)  # equals the file name
        title: \(title(id))
        channel: phone            # phone, chat, email, in-person or internal
        competencies: [\(competency)]   # what the steps train, unless a step names its own
        customer: Who the customer is, in a line
        context: >-
          What the learner knows before the first step.
        steps:
          - id: first-reply
            kind: choice
            prompt: The customer explains what went wrong. What do you say first?
            options:
              - id: a
                text: The best reply, which earns the step's full points.
                score: 2
                feedback: Why this reply works.
              - id: b
                text: A reasonable but weaker reply.
                score: 1
                feedback: What it misses.
              - id: c
                text: A reply to avoid.
                score: 0
                feedback: Why it goes wrong.
                # next: recover     an option may lead to a step of its own ("Branching")
          - id: check-the-facts
            kind: truefalse
            prompt: "True or false: a statement about the policy that applies here."
            answer: true
            explanation: Shown after answering, or in the review after an exam.

        """
    }

    static func quiz(id: String, competency: String, scenario: String?) -> String {
        """
        # A quiz: what a learner takes. Its items are scenarios, inline questions and draws.
        # The keys are described in docs/format.md ("Quiz files", "Draws").
        # Check your work with `rehearse check --strict`.
        id: \(id)  # equals the file name
        title: \(title(id))
        description: What the quiz covers, shown before it starts.
        pass: 70%                 # the pass mark, with its % sign
        mode: practice            # practice: feedback after each answer; exam: none until the end
        items:
          # Each item is a scenario of the bank (by its id), an inline question, or a draw of
          # scenarios picked at random from a pool:
          # - scenario: \(scenario ?? "SCENARIO-ID")
          # - draw: 1
          #   from: {competency: \(competency)}
          - question:
              id: first-question
              kind: truefalse
              competency: \(competency)
              prompt: "True or false: a statement every learner should know."
              answer: true
              explanation: Shown after answering, or in the review after an exam.

        """
    }
}
