import Foundation
import OctopusClient
import OctopusModel
import Orchestration

/// `use projects STAGES`, `use parent PROJECT`, `use group NAME`, `use application NAME`, `use space NAME`: what the
/// plan promotes, and where (shell.md §3).
enum UseCommand {
    static let spec = CommandSpec(
        "use", group: .context, abstract: "Set the application (projects, parent, group, saved) or the space",
        examples: [
            "use projects \"Database then Web API, Scheduling Service then Web UI\"",
            "use projects Database then \"Web API\", \"Scheduling Service\" then \"Web UI\"",
            "use parent \"Release Orchestration\"", "use group \"Sample Application\"", "use application sample", "use space Default",
        ],
        subcommands: [
            CommandSpec("projects", aliases: ["project"], group: .context, abstract: "Explicit stages: 'then' between stages, commas within one",
                        parameters: [.positional("stages", .stages, required: true, rest: true, help: "Database then Web API, Scheduling Service")],
                        handler: projects),
            CommandSpec("parent", group: .context, abstract: "The children of a parent project's 'Deploy Child Octopus Deploy Project' steps, in process order",
                        parameters: [.positional("project", .project, required: true, help: "The parent (orchestration) project")],
                        handler: parent),
            CommandSpec("group", group: .context, abstract: "Every project of a project group, as one stage",
                        parameters: [.positional("group", .projectGroup, required: true, help: "The project group")],
                        handler: group),
            CommandSpec("application", group: .context, abstract: "An application saved with 'save application'",
                        parameters: [.positional("name", .applicationName, required: true, help: "Its name")],
                        handler: application),
            CommandSpec("space", group: .context, abstract: "Another space (clears the application and the plan)",
                        parameters: [.positional("space", .space, required: true, help: "The space name or Spaces-N id")],
                        handler: space),
        ],
        handler: nil)

    /// Sets the application and marks the plan stale.
    static func set(_ application: Application, source: String?, session: Session, io: ShellIO) throws -> Session {
        var session = session
        var seen = Set<String>()
        for name in application.projects where !seen.insert(name.lowercased()).inserted { throw ShellError.duplicateProject(name) }
        if session.application != application { session.markPlanStale("the application changed") }
        session.application = application
        session.applicationSource = source
        io.output.message(TerminalText.clean("Application: \(application.notation)\(source.map { " (from \($0))" } ?? "")."))
        return session
    }

    static func projects(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        let application = try Application(parsing: invocation["stages"] ?? "")
        let connection = try session.requireConnection()
        // Names are checked now, so a typo is caught before 'find' (one listing of the projects).
        let known = try await connection.client.allProjects().map(\.name)
        for name in application.projects where !known.contains(name) {
            throw OrchestrationError.notFound(kind: "project", name: name, suggestions: NameSuggestions.closest(to: name, among: known))
        }
        return CommandOutcome(try set(application, source: nil, session: session, io: io))
    }

    static func parent(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        let name = invocation["project"] ?? ""
        let client = try session.requireConnection().client
        let projects = try await client.allProjects()
        guard let project = projects.first(where: { $0.name == name }) ?? projects.first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }) else {
            throw OrchestrationError.notFound(kind: "project", name: name, suggestions: NameSuggestions.closest(to: name, among: projects.map(\.name)))
        }
        let process = try await client.deploymentProcess(project.deploymentProcessId)
        let (application, pattern) = try ParentProcess.application(of: process, parent: project.name)
        var session = try set(application, source: "parent '\(project.name)'", session: session, io: io)
        session.settings = try settingParent(session.settings, project.name, pattern: pattern, io: io)
        return CommandOutcome(session)
    }

    static func settingParent(_ settings: Settings, _ name: String, pattern: String?, io: ShellIO) throws -> Settings {
        var settings = settings
        try settings.set("parent", name)
        io.output.message("Approvals come from '\(name)': 'approve' takes them from its release ('set parent-release VERSION', or implied by a pattern such as 2021.1.0.*).")
        if let pattern {
            try settings.set("pattern", pattern)
            io.output.message("Pattern: \(pattern) (the parent's steps name it).")
        }
        return settings
    }

    static func group(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        let name = invocation["group"] ?? ""
        let client = try session.requireConnection().client
        let groups: [ProjectGroup] = try await client.all(client.spacePath("projectgroups"))
        guard let group = groups.first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }) else {
            throw OrchestrationError.notFound(kind: "project group", name: name, suggestions: NameSuggestions.closest(to: name, among: groups.map(\.name)))
        }
        let members = try await client.allProjects().filter { $0.projectGroupId == group.id }.map(\.name).sorted()
        guard !members.isEmpty else { throw OrchestrationError.emptyApplication }
        io.output.message("A project group says nothing about order: its \(members.count) projects deploy together as one stage. Use 'use projects' to give stages.")
        return CommandOutcome(try set(Application(stages: [members]), source: "group '\(group.name)'", session: session, io: io))
    }

    static func application(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        let name = invocation["name"] ?? ""
        let config = try ConfigFile.load(session.context.paths.configFile)
        guard let saved = config.applications[name] else {
            throw ShellError.unknownSaved(kind: "application", name: name, available: config.applications.keys.sorted())
        }
        var session = try set(Application(stages: saved.stages), source: "application '\(name)'", session: session, io: io)
        if let parent = saved.parent { session.settings = try settingParent(session.settings, parent, pattern: nil, io: io) }
        return CommandOutcome(session)
    }

    static func space(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        var session = session
        let connection = try session.requireConnection()
        session.connection = try await connection.inSpace(invocation["space"] ?? "")
        session.application = nil
        session.applicationSource = nil
        if session.openPlan != nil { session.closePlan(result: "space changed") }
        io.output.message("Space \(session.connection?.spaceName ?? ""): the application and the plan are cleared.")
        return CommandOutcome(session, invalidates: .connection)
    }
}

/// `save application NAME`: keeps the current application (and its parent) in the config file.
enum SaveCommand {
    static let spec = CommandSpec(
        "save", group: .context, abstract: "Save the current application under a name",
        examples: ["save application sample"],
        subcommands: [
            CommandSpec("application", group: .context, abstract: "Save the application for 'use application NAME'",
                        parameters: [.positional("name", .applicationName, required: true, help: "Its name")], handler: run)
        ],
        handler: nil)

    static func run(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        guard let application = session.application else { throw ShellError.noApplication }
        let name = invocation["name"] ?? ""
        let url = session.context.paths.configFile
        var config = try ConfigFile.load(url)
        config.applications[name] = ConfigFile.SavedApplication(stages: application.stages, parent: session.settings["parent"])
        try config.save(url)
        io.output.message("Saved application '\(name)': \(application.notation).")
        return CommandOutcome(session)
    }
}

/// Reads an application from a parent project's deployment process.
enum ParentProcess {
    /// The step template's id property and its child-project parameter.
    static let childProjectProperty = "ChildProject.Name"
    static let releaseNumberProperty = "ChildProject.Release.Number"

    /// Each step that runs the "Deploy Child Octopus Deploy Project" template (it has `ChildProject.Name`) is a child, in
    /// process order; a step that starts with the previous one joins its stage. A constant release number (no `#{…}`)
    /// shared by every child becomes the pattern.
    static func application(of process: DeploymentProcess, parent: String) throws -> (Application, String?) {
        var stages: [[String]] = []
        var numbers = Set<String>()
        for step in process.steps {
            guard let action = step.actions.first(where: { !$0.isDisabled && $0.properties[childProjectProperty] != nil }),
                  let child = action.properties[childProjectProperty]?.trimmingCharacters(in: .whitespaces), !child.isEmpty else { continue }
            if step.startTrigger == "StartWithPrevious", !stages.isEmpty {
                stages[stages.count - 1].append(child)
            } else {
                stages.append([child])
            }
            numbers.insert(action.properties[releaseNumberProperty] ?? "")
        }
        guard !stages.isEmpty else { throw ShellError.parentHasNoChildren(project: parent) }
        let pattern = numbers.count == 1 ? numbers.first.flatMap { $0.isEmpty || $0.contains("#{") ? nil : $0 } : nil
        return (Application(stages: stages), pattern)
    }
}
