import Foundation

/// Everything that can stop a promotion, as data. `OrchestrationError+Description.swift` renders each case to text
/// in one place: the message quotes the bad input and offers the fix.
public enum OrchestrationError: Error, Sendable, Equatable {
    /// Where `find` looked for a child's release: its channel (first phase, always-latest, or a channel search), or
    /// the source environments of the lifecycle's previous phase.
    public enum ReleaseSearch: Sendable, Equatable {
        case channel(String)
        case environments([String])
    }

    /// Why a release-number pattern could not be read.
    public enum PatternProblem: Sendable, Equatable {
        case unclosedSet
        case emptySet
        case trailingEscape
    }

    /// A release-number pattern could not be parsed.
    case invalidReleasePattern(String, reason: PatternProblem)
    /// A schedule text could not be read as a time.
    case unparseableSchedule(String)
    /// A schedule names a time zone that does not exist.
    case unknownTimeZone(String)
    /// A schedule resolves to a time that has already passed (departure B15: said plainly, no roll-over);
    /// `suggestion` is a text the parser reads as the next such time of day.
    case scheduleInPast(text: String, resolved: String, now: String, suggestion: String)
    /// A required option was blank (§5.3).
    case missingRequiredValue(String)
    /// A prompted-variable line is not of the form `Name::Value`.
    case malformedPromptedVariable(line: String)
    /// A required prompted variable of a child has no value (§5.19).
    case missingPromptedVariable(project: String, variable: String)
    /// A named resource does not exist; `suggestions` are the closest names that do.
    case notFound(kind: String, name: String, suggestions: [String])
    /// The project has no channel of that name (or no default channel).
    case channelNotFound(project: String, channel: String?, available: [String])
    /// The destination is in no phase of the channel's lifecycle (§5.12).
    case destinationNotInLifecycle(project: String, environment: String, lifecycle: String)
    /// No release qualified and not-found handling is `Error` (§5.14).
    case noReleaseFound(project: String, searched: ReleaseSearch, pattern: String?, destination: String)
    /// The parent release has no successful deployment to the approval environment (§5.29).
    case noApprovalDeployment(project: String, release: String, environment: String)
    /// A `Tenanted` child project and no tenant given: the server would refuse its deployment.
    case tenantRequired(project: String)
    /// An application was given with no children.
    case emptyApplication
    /// The application names a project twice (it would be deployed twice).
    case duplicateProject(String)
    /// Deploy was asked for a child whose release was never previewed (the plan skipped `whatif`).
    case notPreviewed(project: String)
    /// The server answered a created deployment without its task id, so it cannot be followed.
    case deploymentWithoutTask(project: String, deployment: String)
    /// The ledger (record of created deployments) could not be read or written.
    case ledger(path: String, detail: String)
}
