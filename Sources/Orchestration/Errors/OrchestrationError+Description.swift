import Foundation

extension OrchestrationError: CustomStringConvertible, LocalizedError {
    /// The one place where engine errors become text: quote the input, say what to do.
    public var description: String {
        switch self {
        case .invalidReleasePattern(let text, let reason):
            let why = switch reason {
            case .unclosedSet: "a '[' has no closing ']'"
            case .emptySet: "'[]' matches no character"
            case .trailingEscape: "it ends with the escape character '`'"
            }
            return "Release pattern '\(text)' is not valid: \(why). Use '*' for any text and '?' for one character, e.g. '2021.1.*'."
        case .unparseableSchedule(let text):
            return "Cannot read '\(text)' as a time. Use e.g. '21:00', '7:00 PM', '2021-01-14 21:00', '06/25/2021 19:00:00', '01 Jan 2021 18:00', '+2h', '+1d2h30m' or 'tomorrow 19:00'."
        case .unknownTimeZone(let name):
            return "Unknown time zone '\(name)'. Use an IANA name such as 'Europe/Berlin' or 'UTC'."
        case .scheduleInPast(let text, let resolved, let now, let suggestion):
            return "The time '\(text)' means \(resolved), which is in the past (now is \(now)). Give a future time, e.g. '\(suggestion)' or '+2h'."
        case .missingRequiredValue(let label):
            return "\(label) is required."
        case .malformedPromptedVariable(let line):
            let shown = line.count > 80 ? String(line.prefix(80)) + "…" : line
            return line.contains("::")
                ? "Prompted variable '\(shown)' has no name before '::'. Write one 'Name::Value' per line."
                : "Prompted variable '\(shown)' has no '::'. Write one 'Name::Value' per line."
        case .missingPromptedVariable(let project, let variable):
            return "\(project) needs a value for the required prompted variable '\(variable)'. Add the line '\(variable)::<value>' to the prompted variables."
        case .notFound(let kind, let name, let suggestions):
            let hint = suggestions.isEmpty ? "" : " Did you mean \(suggestions.map { "'\($0)'" }.joined(separator: ", "))?"
            return "No \(kind) named '\(name)'.\(hint)"
        case .channelNotFound(let project, let channel, let available):
            let names = available.map { "'\($0)'" }.joined(separator: ", ")
            if let channel {
                return "\(project) has no channel named '\(channel)'. Its channels are \(names)."
            }
            return "\(project) has no default channel. Name one of its channels: \(names)."
        case .destinationNotInLifecycle(let project, let environment, let lifecycle):
            return "\(environment) is in no phase of the lifecycle '\(lifecycle)' used by \(project). Choose an environment of that lifecycle or another channel."
        case .noReleaseFound(let project, let searched, let pattern, let destination):
            let place = switch searched {
            case .channel(let channel): "in channel \(channel)"
            case .environments(let names): "in environment(s) \(names.joined(separator: ", "))"
            }
            let matching = pattern.map { " matching \($0)" } ?? ""
            return "No release of \(project) was found \(place)\(matching) that can be deployed to \(destination)."
        case .noApprovalDeployment(let project, let release, let environment):
            return "\(project) \(release) has no successful deployment to \(environment) to take approvals from. Deploy it to \(environment) and approve its manual interventions first, or approve as yourself."
        case .tenantRequired(let project):
            return "\(project) can only be deployed for a tenant. Name the tenant to deploy it for, or allow untenanted deployments of \(project)."
        case .emptyApplication:
            return "The application has no projects. Name at least one project, e.g. 'Database then Web API'."
        case .duplicateProject(let name):
            return "The application names '\(name)' more than once; it would be deployed twice. Name each project once (in the stage it belongs to)."
        case .notPreviewed(let project):
            return "\(project) has no previewed release to deploy; run whatif first."
        case .deploymentWithoutTask(let project, let deployment):
            return "The server created \(deployment) for \(project) without a task id, so it cannot be followed. Look at \(deployment) on the server."
        case .ledger(let path, let detail):
            return "The deployment ledger '\(path)' cannot be used: \(detail)."
        }
    }

    public var errorDescription: String? { description }
}
