import LineEditor
import Orchestration

/// The prompt of shell.md §2: `conductor Default@sandbox 2021.1.0.* → Staging [plan: found]> `; a destination named
/// like production in bold red; `... ` while a quote is open.
public enum PromptRenderer {
    /// The prompt for `session`.
    public static func prompt(_ session: Session, style: Style) -> Prompt {
        var text = "conductor"
        if let connection = session.connection {
            text += " " + TerminalText.clean("\(connection.spaceName)@\(connection.serverLabel)")
        } else {
            text += " (not connected)"
        }
        if let pattern = session.settings["pattern"] { text += " " + TerminalText.clean(pattern) }
        let destination = session.settings["to"] ?? session.openPlan?.plan.destination.name
        if let destination {
            let name = TerminalText.clean(destination)
            text += " → " + (session.settings.isProtected(destination) ? style.boldRed(name) : name)
        }
        if let stored = session.openPlan {
            text += " [plan: \(stored.staleReason == nil ? stepName(stored.plan.step) : "stale")]"
        }
        return Prompt(text + "> ", continuation: "... ")
    }

    /// The word the prompt shows for a plan step.
    public static func stepName(_ step: PlanStep) -> String {
        switch step {
        case .found: "found"
        case .previewed: "previewed"
        case .approved: "approved"
        case .scheduled: "scheduled"
        case .deployed: "deployed"
        case .finished: "finished"
        }
    }
}
