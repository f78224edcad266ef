import ArgumentParser
import ConductorShell
import Foundation
import Orchestration

/// Which child projects, in which stages.
struct ApplicationFlags: ParsableArguments {
    @Option(name: .customLong("project"), help: ArgumentHelp("A child project, deployed after the ones before it (repeatable).", valueName: "name"))
    var projects: [String] = []

    @Option(name: .customLong("projects"), help: ArgumentHelp("Stages of child projects: 'then' separates stages, commas the projects deployed together, e.g. \"Database then Web API, Scheduling Service\".", valueName: "stages"))
    var stages: String?
}

/// Where from, where to, which release.
struct SelectionFlags: ParsableArguments {
    @Option(name: .customLong("to"), help: ArgumentHelp("Destination environment (required).", valueName: "environment"))
    var destination: String?

    @Option(name: .customLong("from"), help: ArgumentHelp("Source environment (default: the lifecycle's previous phase).", valueName: "environment"))
    var source: String?

    @Option(help: ArgumentHelp("Channel (default: each project's default channel).", valueName: "name"))
    var channel: String?

    @Option(help: ArgumentHelp("Release number pattern; * and ? may stand anywhere, e.g. 2021.1.1.* (default: latest).", valueName: "pattern"))
    var release: String?

    @Option(help: ArgumentHelp("promote (the release in the source), redeploy (the current one) or always-latest (the newest in the channel).", valueName: "mode"))
    var mode: ModeArgument = .promote

    @Option(name: .customLong("on-missing"), help: ArgumentHelp("When no release qualifies: error, warning or skip.", valueName: "handling"))
    var onMissing: MissingArgument = .warning

    @Option(help: ArgumentHelp("Tenant to deploy for.", valueName: "name"))
    var tenant: String?
}

/// How the child deployments run.
struct DeploymentFlags: ParsableArguments {
    @Option(name: .customLong("variable"), help: ArgumentHelp("A prompted variable as Name::Value (repeatable).", valueName: "Name::Value"))
    var variables: [String] = []

    @Option(help: ArgumentHelp("Deploy only to these deployment targets: names or Machines-N ids, comma-separated (repeatable).", valueName: "names"))
    var machines: [String] = []

    @Flag(name: .customLong("ignore-machine-mismatch"), help: "Deploy to all targets when a child deploys to none of --machines.")
    var ignoreMachineMismatch = false

    @Flag(name: .customLong("what-if"), help: "Work everything out and report it; deploy nothing.")
    var whatIf = false

    @Flag(name: .customLong("no-wait"), help: "Return once the deployments are created.")
    var noWait = false

    // `.unconditional`: a value such as "-5" is read (and refused with the bound) instead of "Missing value".
    @Option(parsing: .unconditional, help: ArgumentHelp("Cancel a child still running after this long, counted from its creation (queued time included): seconds, or 90s, 30m, 2h; 1 s to 7 days (default 1800).", valueName: "duration"))
    var timeout: String?

    @Option(help: ArgumentHelp("Start at this time instead of now: 2021-06-01 19:00, 19:00, +2h, tomorrow 19:00.", valueName: "time"))
    var at: String?

    @Option(name: .customLong("time-zone"), help: ArgumentHelp("Time zone for --at (default: this machine's), e.g. Europe/London.", valueName: "zone"))
    var timeZone: String?

    @Flag(name: .customLong("save-notes"), help: "Write each child's release notes to a file (an Octopus artifact with --octopus-service-messages).")
    var saveNotes = false

    @Flag(name: .customLong("refresh-snapshots"), help: "Refresh a release's variable snapshot when the project's variables changed.")
    var refreshSnapshots = false
}

/// How hard the server is worked: requests in flight and wait polls.
struct TuningFlags: ParsableArguments {
    @Option(help: ArgumentHelp("Children whose lookups run at once, which bounds the requests in flight (default 16).", valueName: "n"))
    var concurrency: Int = PromotionEngine.defaultConcurrency

    @Option(name: .customLong("poll-interval"), help: ArgumentHelp("Longest time between wait polls, in seconds (default 5; 0.2 on the embedded sandbox). Polls come sooner while a stage is about to finish.", valueName: "seconds"))
    var pollInterval: Double?

    func validate() throws {
        guard (1...256).contains(concurrency) else {
            throw ValidationError("--concurrency must be a whole number from 1 to 256, such as 16, but was \(concurrency).")
        }
        if let pollInterval, !(pollInterval >= 0.05 && pollInterval <= 3600) {
            throw ValidationError("--poll-interval must be a number of seconds from 0.05 to 3600, such as 5, but was \(pollInterval).")
        }
    }

    /// The shell settings these flags set (the same names as `set concurrency` and `set poll`).
    var settings: [String: String] {
        var settings = ["concurrency": String(concurrency)]
        if let pollInterval { settings["poll"] = String(pollInterval) }
        return settings
    }
}

/// Who approves child manual interventions.
struct ApprovalFlags: ParsableArguments {
    @Flag(name: .customLong("no-auto-approve"), help: "Leave child manual interventions to people.")
    var noAutoApprove = false

    @Flag(name: .customLong("approve-as-me"), help: "With no --parent: approve child manual interventions as the API key's own user, for the teams it belongs to (default: nobody's approval is taken).")
    var approveAsMe = false

    @Option(name: .customLong("parent"), help: ArgumentHelp("Parent (orchestration) project whose release's approvers stand in for the children's manual interventions (default: none; see --approve-as-me).", valueName: "project"))
    var parentProject: String?

    @Option(name: .customLong("parent-release"), help: ArgumentHelp("The parent project's release whose deployment holds the approvals.", valueName: "version"))
    var parentRelease: String?

    @Option(name: .customLong("approval-environment"), help: ArgumentHelp("Environment of the parent deployment that holds the approvals (default: the destination).", valueName: "environment"))
    var approvalEnvironment: String?

    @Option(name: .customLong("approval-tenant"), help: ArgumentHelp("Tenant of the parent deployment that holds the approvals.", valueName: "name"))
    var approvalTenant: String?
}

/// Which server.
struct ConnectionFlags: ParsableArguments {
    @Option(help: ArgumentHelp("Octopus Server URL (or OCTOPUS_URL); none: the embedded sandbox.", valueName: "url"))
    var server: String?

    @Option(name: .customLong("api-key"), help: ArgumentHelp("API key (or OCTOPUS_API_KEY).", valueName: "key"))
    var apiKey: String?

    @Option(help: ArgumentHelp("Space name or Spaces-N id (or OCTOPUS_SPACE; default: the default space).", valueName: "space"))
    var space: String?
}

/// What is printed.
struct OutputFlags: ParsableArguments {
    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("table, json or basic.", valueName: "format"))
    var format: OutputFormat = .table

    @Flag(name: .customLong("octopus-service-messages"), help: "Also write the ReleaseToPromote, ReleaseNotes and ChildReleaseToDeploy output variables (and the notes artifact) as Octopus service messages.")
    var octopusServiceMessages = false
}

extension OutputFormat: ExpressibleByArgument {}

/// `--mode` values, written as on the command line.
enum ModeArgument: String, ExpressibleByArgument, CaseIterable {
    case promote
    case redeploy
    case alwaysLatest = "always-latest"

    init?(argument: String) {
        let key = argument.lowercased().replacingOccurrences(of: "-", with: "")
        guard let match = Self.allCases.first(where: { $0.rawValue.replacingOccurrences(of: "-", with: "") == key }) else { return nil }
        self = match
    }

    var mode: DeploymentMode {
        switch self {
        case .promote: .promote
        case .redeploy: .redeploy
        case .alwaysLatest: .alwaysLatest
        }
    }
}

/// `--on-missing` values.
enum MissingArgument: String, ExpressibleByArgument, CaseIterable {
    case error, warning, skip

    init?(argument: String) {
        guard let match = Self.allCases.first(where: { $0.rawValue == argument.lowercased() }) else { return nil }
        self = match
    }

    var handling: NotFoundHandling {
        switch self {
        case .error: .error
        case .warning: .warning
        case .skip: .skip
        }
    }
}

/// Input the flags cannot express, said with the flag to fix.
enum PromoteUsageError: Error, CustomStringConvertible {
    case noProjects
    case bothProjectForms
    case missingDestination
    case badTimeout(String)
    case timeZoneWithoutAt
    case parentReleaseWithoutParent
    case scheduleTooFar(String)
    case apiKeyWithoutServer
    case missingAPIKey(server: String)

    var description: String {
        switch self {
        case .noProjects:
            "Name the child projects with --project NAME (repeatable) or --projects \"A then B, C\"."
        case .bothProjectForms:
            "Use either --project or --projects, not both."
        case .missingDestination:
            "Name the destination environment with --to ENVIRONMENT."
        case .badTimeout(let text):
            "Invalid --timeout '\(Self.quoted(text))'. Use seconds (1800) or a duration such as 90s, 30m or 2h, from 1 s to 7 days (168h)."
        case .timeZoneWithoutAt:
            "--time-zone only applies to --at; add --at TIME or drop --time-zone."
        case .parentReleaseWithoutParent:
            "--parent-release needs --parent PROJECT (the orchestration project the release belongs to)."
        case .scheduleTooFar(let text):
            "--at '\(Self.quoted(text))' is more than a year ahead; schedule within 366 days."
        case .apiKeyWithoutServer:
            "An API key was given without a server. Add --server URL (or OCTOPUS_URL), or drop the key to use the embedded sandbox."
        case .missingAPIKey(let server):
            "No API key for \(Self.quoted(server)). Pass --api-key API-... or set OCTOPUS_API_KEY."
        }
    }

    /// Input quoted back: at most 80 characters, control characters as '?'.
    static func quoted(_ text: String) -> String {
        let visible = String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? "?" : $0 }))
        return visible.count > 80 ? String(visible.prefix(80)) + "… (\(visible.count) characters)" : visible
    }
}

extension PromoteCommand {
    /// Maps the flags onto the engine's options (the engine applies the template's behaviour).
    func promotionOptions() throws -> PromotionOptions {
        let app: Application
        switch (application.projects.isEmpty, application.stages) {
        case (false, .some): throw PromoteUsageError.bothProjectForms
        case (true, .some(let stages)): app = try Application(parsing: stages)
        case (false, .none): app = Application(sequential: application.projects)
        case (true, .none): throw PromoteUsageError.noProjects
        }
        guard let destination = selection.destination?.trimmingCharacters(in: .whitespaces), !destination.isEmpty else {
            throw PromoteUsageError.missingDestination
        }
        let options = PromotionOptions(
            application: app,
            destination: destination,
            channel: selection.channel,
            releasePattern: try selection.release.map { try VersionPattern($0) } ?? .any,
            notFound: selection.onMissing.handling,
            source: selection.source,
            tenant: selection.tenant,
            promptedVariables: try PromptedVariable.parseLines(deployment.variables.joined(separator: "\n")),
            mode: selection.mode.mode,
            refreshSnapshots: deployment.refreshSnapshots,
            specificMachines: deployment.machines.flatMap { $0.split(separator: ",") }
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
            ignoreMachineMismatch: deployment.ignoreMachineMismatch,
            saveNotesAsArtifact: deployment.saveNotes,
            whatIf: deployment.whatIf,
            wait: !deployment.noWait,
            waitTimeout: try deployment.timeout.map(Self.parseTimeout) ?? 1800,
            schedule: deployment.at,
            scheduleTimeZone: deployment.timeZone,
            autoApprove: !approvals.noAutoApprove,
            approvalEnvironment: approvals.approvalEnvironment,
            approvalTenant: approvals.approvalTenant,
            parentProject: approvals.parentProject,
            parentRelease: approvals.parentRelease,
            approveAsMe: approvals.approveAsMe
        )
        try options.validate()
        if deployment.timeZone != nil, deployment.at == nil { throw PromoteUsageError.timeZoneWithoutAt }
        if approvals.parentRelease != nil, approvals.parentProject == nil { throw PromoteUsageError.parentReleaseWithoutParent }
        if let text = deployment.at {
            // Read the time now, before any request, so a typo fails fast as a usage error; the
            // engine reads it again against its own clock when it schedules.
            var zone = TimeZone.current
            if let name = deployment.timeZone {
                guard let named = TimeZone(identifier: name) else { throw OrchestrationError.unknownTimeZone(name) }
                zone = named
            }
            let now = Date()
            let schedule = try ScheduleParser(timeZone: zone).parse(text, now: now)
            if let start = schedule?.queueTime, start.timeIntervalSince(now) > 366 * 24 * 3600 {
                throw PromoteUsageError.scheduleTooFar(text)
            }
        }
        return options
    }

    /// Reads `1800`, `90s`, `30m`, `2h` as seconds: plain decimal digits (no sign, exponent or hex) and at most one
    /// unit, from 1 s to 7 days.
    static func parseTimeout(_ text: String) throws -> TimeInterval {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard trimmed.count <= 20, let match = trimmed.wholeMatch(of: /([0-9]+(?:\.[0-9]+)?)([smh]?)/),
              let value = Double(match.1) else { throw PromoteUsageError.badTimeout(text) }
        let scale: Double = switch match.2 { case "m": 60; case "h": 3600; default: 1 }
        let seconds = value * scale
        guard seconds >= 1, seconds <= maximumTimeout else { throw PromoteUsageError.badTimeout(text) }
        return seconds
    }

    /// The longest `--timeout`: 7 days.
    static let maximumTimeout: TimeInterval = 7 * 24 * 3600
}
