import Foundation
import Orchestration
import OctopusClient
import OctopusModel

/// `respond ID proceed|abort [--notes TEXT]`: answers a manual intervention as the connected user, taking
/// responsibility first (Octopus requires it); `abort` fails the deployment, so it asks first.
enum RespondCommand {
    static let spec = CommandSpec(
        "respond", group: .exploration, abstract: "Answer a manual intervention: proceed or abort (takes responsibility first)",
        examples: ["respond Interruptions-3 proceed", "respond Interruptions-3 abort --notes \"not tonight\" --yes"],
        parameters: [
            .positional("id", .interventionID, required: true, help: "The intervention (see 'interventions')"),
            .positional("answer", .choice(["proceed", "abort"]), required: true, help: "proceed lets the deployment go on; abort fails it"),
            .option("notes", .text, help: "Notes recorded with the answer"),
            CommandSupport.yesFlag,
        ],
        changesServer: true,
        handler: run)

    static func run(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        let connection = try session.requireConnection()
        let client = connection.client
        let id = InterruptionID(invocation["id"] ?? "")
        let answer = invocation["answer"] ?? "proceed"
        let interruption = try await ExplorationSupport.lookingUp("intervention", id.rawValue, listedBy: "interventions") { try await client.interruption(id) }
        guard interruption.isPending else { throw ShellError.interventionNotPending(id: id.rawValue) }
        guard let result = interruption.form.elements.first(where: { $0.name == "Result" }) else {
            let buttons = interruption.form.elements.flatMap { $0.control.buttons ?? [] }.map(\.text)
            throw ShellError.interventionCannotBeAnswered(id: id.rawValue, title: interruption.title, choices: buttons)
        }
        let entry = try await InterventionsCommand.describe([interruption], client: client).first
        guard interruption.canTakeResponsibility || interruption.hasResponsibility else {
            throw ShellError.interventionNotYours(id: id.rawValue, teams: entry?.teams ?? [])
        }
        let value = result.control.buttons?.first { $0.text.caseInsensitiveCompare(answer) == .orderedSame || $0.value.caseInsensitiveCompare(answer) == .orderedSame }?.value
            ?? (answer == "proceed" ? "Proceed" : "Abort")
        let what = entry.map { "\($0.project) \($0.release) to \($0.environment): '\($0.title)'" } ?? "'\(interruption.title)'"
        io.output.message(TerminalText.clean("\(answer == "abort" ? "Abort" : "Proceed with") \(id.rawValue), \(what), as \(connection.userName)."))
        if answer == "abort" {
            try await Confirmation.confirm("Abort \(id.rawValue) (its deployment fails)", invocation: invocation, session: session, io: io)
        }
        if !interruption.hasResponsibility {
            try await client.takeResponsibility(interruption: id)
        }
        var values: [String: String?] = ["Result": value]
        if let notes = invocation["notes"] { values["Notes"] = notes }
        try await client.submitInterruption(id, values: values)
        io.output.message(TerminalText.clean("\(id.rawValue): \(value)\(entry.map { " — \($0.project) goes on in \($0.environment)" }.flatMap { answer == "proceed" ? $0 : nil } ?? ""). 'tasks --active' shows what runs."))
        return CommandOutcome(session, invalidates: [.tasks])
    }
}
