import Foundation

/// An application: child projects in ordered stages. Children in one stage deploy concurrently; stages run in order
/// and a failed, cancelled or timed-out child stops the later ones.
public struct Application: Sendable, Codable, Hashable {
    /// Project names per stage, in order.
    public var stages: [[String]]

    /// Creates an application from stages.
    public init(stages: [[String]]) {
        self.stages = stages.filter { !$0.isEmpty }
    }

    /// One project per stage, in the given order (the template's one step per child).
    public init(sequential projects: [String]) {
        self.init(stages: projects.map { [$0] })
    }

    /// Reads the stage notation `Database then Web API, Scheduling Service then Web UI`: `then` separates stages,
    /// commas separate the projects of one stage.
    /// - Throws: `OrchestrationError.emptyApplication` when no project is named.
    public init(parsing text: String) throws {
        let stages = text.split(separator: /\s+then\s+/.ignoresCase())
            .map { stage in
                stage.split(separator: ",")
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty }
            }
        self.init(stages: stages)
        if self.stages.isEmpty { throw OrchestrationError.emptyApplication }
    }

    /// All project names in plan order.
    public var projects: [String] { stages.flatMap { $0 } }

    /// The notation `A then B, C then D`.
    public var notation: String {
        stages.map { $0.joined(separator: ", ") }.joined(separator: " then ")
    }
}
