import Foundation
import LineEditor
import OctopusClient
import OctopusModel
import Orchestration

/// Where the user is when an error happens: the remedy is worded for that place (`--space` on a command line,
/// `use space` in the shell).
public enum Surface: Sendable, Hashable {
    /// `conductor promote …`.
    case commandLine
    /// The interactive shell.
    case interactive
    /// A command file, `-c` or piped input, at a line.
    case script(file: String, line: Int)
}

/// An error as the user sees it: the message, an optional hint line, and the exit status.
public struct Diagnostic: Sendable, Hashable {
    public var message: String
    public var hint: String?
    public var status: ExitStatus
    /// False for an outcome the user chose (declining a confirmation): said plainly, without `Error:`.
    public var isError = true

    /// The lines to print on standard error: `Error: …` (or `FILE:LINE: …` in a script) and the hint.
    public func lines(on surface: Surface) -> [String] {
        var first: String
        switch surface {
        case .script(let file, let line): first = "\(file):\(line): \(message)"
        case .commandLine, .interactive: first = isError ? "Error: \(message)" : message
        }
        first = TerminalText.clean(first)
        return hint.map { [first, TerminalText.clean($0)] } ?? [first]
    }
}

/// The one place where every error becomes text (house style): errors are data in their modules; remedies that
/// depend on the surface are added here.
public enum ErrorRenderer {
    /// The diagnostic for `error` on `surface`.
    public static func render(_ error: any Error, on surface: Surface) -> Diagnostic {
        let shell = surface != .commandLine
        switch error {
        case let error as ParseError:
            return render(error)
        case let error as ShellError:
            return render(error, shell: shell)
        case let error as OrchestrationError:
            var diagnostic = Diagnostic(message: error.description, status: ExitStatus(error: error))
            if case .tenantRequired = error {
                diagnostic.hint = shell ? "Use 'set tenant NAME' or 'find … tenant NAME'." : "Use --tenant NAME."
            }
            return diagnostic
        case let error as OctopusClientError:
            var diagnostic = Diagnostic(message: error.description, status: ExitStatus(error: error))
            if case .spaceNotFound(.default, _) = error {
                diagnostic.hint = shell ? "Use 'use space NAME'." : "Use --space NAME or set OCTOPUS_SPACE."
            } else if error.isAuthentication {
                diagnostic.hint = shell ? "Reconnect with 'connect URL' (the key comes from OCTOPUS_API_KEY or is asked for)." : "Pass the key in OCTOPUS_API_KEY (or --api-key)."
            }
            return diagnostic
        case let error as PromotionStopped:
            var message = error.description
            for child in error.running {
                guard let deployment = child.deployment else { continue }
                message += "\n  still running: \(child.project.name) \(child.release?.version ?? "") (\(deployment.taskId.rawValue)) \(deployment.webLink)"
            }
            let hint = shell
                ? "Run 'wait' to resume: it follows the deployments still running and creates only what is missing."
                : "Run the same 'conductor promote …' command again to resume: it follows the deployments still running and creates only what is missing."
            return Diagnostic(message: message, hint: hint, status: .stoppedResumable)
        case let error as LineEditorError:
            return Diagnostic(message: error.description, status: .usage)
        case is CancellationError:
            return Diagnostic(message: "Interrupted.", status: .interrupted)
        default:
            return Diagnostic(message: String(describing: error), status: .failure)
        }
    }

    static func render(_ error: ParseError) -> Diagnostic {
        func quoted(_ names: [String]) -> String { names.map { "'\($0)'" }.joined(separator: " or ") }
        switch error {
        case .unknownCommand(let word, let suggestions):
            let hint = suggestions.isEmpty ? " Type 'help' for the commands." : " Did you mean \(quoted(suggestions))?"
            return Diagnostic(message: "Unknown command '\(word)'.\(hint)", status: .usage)
        case .missingSubcommand(let command, let choices):
            return Diagnostic(message: "'\(command)' needs one of: \(choices.joined(separator: ", ")).", hint: "See 'help \(command)'.", status: .usage)
        case .missingArgument(let command, let parameter, let usage):
            return Diagnostic(message: "'\(command)' needs \(parameter).", hint: "Usage: \(usage)", status: .usage)
        case .missingValue(let command, let parameter, let usage):
            return Diagnostic(message: "'\(parameter)' of '\(command)' has no value.", hint: "Usage: \(usage)", status: .usage)
        case .unexpectedArgument(let command, let word, let usage):
            return Diagnostic(message: "'\(command)' does not take '\(TerminalText.short(word))'.", hint: "Usage: \(usage)", status: .usage)
        case .unknownOption(let command, let option, let suggestions):
            let hint = suggestions.isEmpty ? "" : " Did you mean \(quoted(suggestions))?"
            return Diagnostic(message: "Unknown option '\(TerminalText.short(option))' for '\(command)'.\(hint)", hint: "See 'help \(command)'.", status: .usage)
        case .invalidValue(let command, let parameter, let value, let reason):
            return Diagnostic(message: "Invalid value '\(TerminalText.short(value))' for \(parameter) of '\(command)': \(reason).", status: .usage)
        case .repeated(let command, let parameter):
            return Diagnostic(message: "\(parameter) is given twice to '\(command)'.", status: .usage)
        case .unterminatedQuote(let quote):
            return Diagnostic(message: "The line ends inside a \(quote == "'" ? "single" : "double") quote. Close it with \(quote).", status: .usage)
        case .danglingBackslash:
            return Diagnostic(message: "The line ends with a backslash. Remove it or continue the line.", status: .usage)
        }
    }

    static func render(_ error: ShellError, shell: Bool) -> Diagnostic {
        switch error {
        case .noPlan(let command):
            return Diagnostic(message: "No plan yet. Run 'find to ENV' first.", hint: command == "find" ? nil : "'\(command)' works on the plan that 'find' makes.", status: .failure)
        case .planStepMissing(let command, let needs):
            return Diagnostic(message: "'\(command)' needs '\(needs)' first.", status: .failure)
        case .stalePlan(let reason):
            return Diagnostic(message: "The plan is stale: \(reason) after 'find'. Run 'find' again.", status: .failure)
        case .noApplication:
            return Diagnostic(message: "No application is set.", hint: "Use 'use projects \"Database then Web API\"', 'use parent PROJECT' or 'use group NAME'.", status: .failure)
        case .noDestination(let command):
            return Diagnostic(message: "No destination environment. Use '\(command) to ENV' or 'set to ENV'.", status: .usage)
        case .confirmationNeeded(let action):
            return Diagnostic(message: "\(action) needs a confirmation and nobody can answer it here. Add --yes, or 'set confirm off'.", status: .usage)
        case .declined(let action):
            return Diagnostic(message: "\(action): cancelled (not confirmed); nothing was changed.", status: .failure, isError: false)
        case .protectedNameMismatch(let environment):
            return Diagnostic(message: "The name typed is not '\(environment)'; nothing was changed.", status: .failure)
        case .unknownSetting(let name, let suggestions):
            let hint = suggestions.isEmpty ? "" : " Did you mean \(suggestions.map { "'\($0)'" }.joined(separator: " or "))?"
            return Diagnostic(message: "Unknown variable '\(TerminalText.short(name))'.\(hint)", hint: "Variables: \(SettingSpec.all.map(\.name).joined(separator: ", ")), variable.NAME.", status: .usage)
        case .invalidSetting(let name, let value, let valid):
            return Diagnostic(message: "Invalid value '\(TerminalText.short(value))' for '\(name)'. Valid: \(valid).", status: .usage)
        case .notConnected:
            return Diagnostic(message: "Not connected.", hint: "Use 'connect URL' or 'connect sandbox'.", status: .failure)
        case .notSandbox(let command):
            return Diagnostic(message: "'\(command)' works only on the embedded sandbox.", hint: "Use 'connect sandbox' first.", status: .failure)
        case .unknownSandboxUser(let name, let available):
            return Diagnostic(message: "No sandbox user named '\(TerminalText.short(name))'. Users: \(available.map { "'\($0)'" }.joined(separator: ", ")).", status: .failure)
        case .unknownSaved(let kind, let name, let available):
            let list = available.isEmpty ? "none is saved" : "saved: \(available.map { "'\($0)'" }.joined(separator: ", "))"
            return Diagnostic(message: "No \(kind) named '\(TerminalText.short(name))' (\(list)).", status: .failure)
        case .file(let path, let detail):
            return Diagnostic(message: "\(path): \(detail).", status: .failure)
        case .sourceTooDeep(let path):
            return Diagnostic(message: "'source \(path)' is nested more than 16 deep (does it source itself?).", status: .failure)
        case .apiKeyNeeded(let server):
            return Diagnostic(message: "No API key for \(server).", hint: shell ? "Set OCTOPUS_API_KEY, or run 'connect' on a terminal to be asked for it." : "Set OCTOPUS_API_KEY (or pass --api-key).", status: .authentication)
        case .apiKeyWithoutServer:
            return Diagnostic(message: "An API key was given without a server.", hint: shell ? "Add --server URL (or OCTOPUS_URL), or drop the key to use the embedded sandbox." : "Add --server URL (or OCTOPUS_URL), or drop the key to use the embedded sandbox.", status: .usage)
        case .parentReleaseNeeded(let parent):
            return Diagnostic(message: "Which release of '\(parent)' holds the approvals? Use 'set parent-release VERSION' (or 'approve from \"\(parent)\" VERSION in ENV', or 'approve as me').", status: .usage)
        case .parentHasNoChildren(let project):
            return Diagnostic(message: "'\(project)' has no 'Deploy Child Octopus Deploy Project' steps to read an application from.", hint: "Use 'use projects …' instead.", status: .failure)
        case .planForOtherServer(let planServer, let current):
            return Diagnostic(message: "The plan was made against \(planServer), not \(current).", hint: "Connect there, or run 'find' for a new plan.", status: .failure)
        case .planChanged(let differences):
            return Diagnostic(message: "The plan is stale: the server changed since it was made (\(differences.joined(separator: "; "))). Run 'find' again.", status: .failure)
        case .outOfRange(let what, let value, let bound):
            return Diagnostic(message: "\(what) '\(TerminalText.short(value))' is out of range: \(bound).", status: .usage)
        case .duplicateProject(let name):
            return Diagnostic(message: "'\(name)' is named twice in the application; name each project once.", status: .usage)
        case .catalogueRefreshFailed(let server):
            return Diagnostic(message: "Could not read the names Tab completes from \(server); Tab keeps the previous ones.", hint: "Check the connection with 'show', then 'refresh' again.", status: .failure)
        case .interventionNotPending(let id):
            return Diagnostic(message: "\(id) is not pending: it was answered already or its task ended.", hint: "See 'interventions' for the pending ones.", status: .failure)
        case .interventionCannotBeAnswered(let id, let title, let choices):
            return Diagnostic(message: "\(id) ('\(TerminalText.short(title))') is not a manual intervention: it takes \(choices.isEmpty ? "no proceed or abort" : choices.joined(separator: ", ")).", hint: "Answer it in the Octopus web portal.", status: .failure)
        case .interventionNotYours(let id, let teams):
            return Diagnostic(message: "You may not act on \(id)\(teams.isEmpty ? "" : ": it needs a member of \(teams.joined(separator: ", "))").", hint: "Connect as someone who may ('connect sandbox as USER' on the sandbox).", status: .authentication)
        case .noSuchItem(let kind, let id, let listedBy):
            return Diagnostic(message: "No \(kind) \(TerminalText.short(id)) in this space.", hint: "'\(listedBy)' lists them.", status: .failure)
        }
    }
}
