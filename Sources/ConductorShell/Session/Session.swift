import Foundation
import OctopusClient
import Orchestration

/// Everything a command reads and changes: the connection, the application, the session variables and the open
/// plan. A value owned by the loop: a handler gets it and returns the changed copy in its `CommandOutcome`, so a
/// command interrupted by Ctrl-C leaves the session as it was (the open plan is also on disk).
public struct Session: Sendable {
    /// Paths, environment, mode.
    public var context: ShellContext
    /// The server, nil after `disconnect`.
    public var connection: ShellConnection?
    /// The embedded sandbox when it runs.
    public var embedded: (any EmbeddedServer)?
    /// The session variables.
    public var settings = Settings()
    /// The child projects in stages.
    public var application: Application?
    /// How the application was set, for the table headers (`parent 'Release Orchestration'`).
    public var applicationSource: String?
    /// The open plan, with what it was made against.
    public var openPlan: PlanStore.Stored?
    /// How many `source` files deep the current line is.
    public var sourceDepth = 0

    /// A session with no connection yet.
    public init(context: ShellContext) {
        self.context = context
    }

    /// The plan store of this machine.
    public var planStore: PlanStore { PlanStore(folder: context.paths.plansFolder) }

    /// The connection, or `ShellError.notConnected`.
    public func requireConnection() throws -> ShellConnection {
        guard let connection else { throw ShellError.notConnected }
        return connection
    }

    /// The engine for the current connection and variables. The ledger is the machine's (shared by every shell and
    /// `conductor promote`), so a repeated or resumed deploy never creates a deployment twice.
    public func engine() throws -> PromotionEngine {
        let connection = try requireConnection()
        return engine(client: connection.client, isSandbox: connection.isSandbox)
    }

    /// The engine for a client whose connection is still being read (`conductor promote` finds meanwhile).
    public func engine(client: OctopusClient, isSandbox: Bool) -> PromotionEngine {
        PromotionEngine(
            client: client, ledger: FileDeploymentLedger(url: context.paths.ledgerFile), pollInterval: pollInterval(isSandbox: isSandbox),
            concurrency: settings["concurrency"].flatMap(Int.init) ?? 16, defaultTimeZone: timeZone)
    }

    /// How often waiting polls the server: the `poll` variable, else 5 s (the sandbox: 200 ms).
    public var pollInterval: Duration { pollInterval(isSandbox: connection?.isSandbox == true) }

    private func pollInterval(isSandbox: Bool) -> Duration {
        settings["poll"].flatMap(DurationText.seconds).map { Duration.milliseconds(Int($0 * 1000)) }
            ?? (isSandbox ? .milliseconds(200) : .seconds(5))
    }

    /// The parent release approvals come from: `parent-release`, else the release a parent's steps imply for the
    /// pattern (the sample's children are `#{Octopus.Release.Number}.*`, so `2021.1.0.*` means parent `2021.1.0`).
    public var parentRelease: String? {
        if let release = settings["parent-release"] { return release }
        guard settings["parent"] != nil, let pattern = settings["pattern"], pattern.hasSuffix(".*") else { return nil }
        let prefix = String(pattern.dropLast(2))
        return prefix.contains("*") || prefix.contains("?") || prefix.isEmpty ? nil : prefix
    }

    /// The zone times are read in.
    public var timeZone: TimeZone {
        settings["time-zone"].flatMap(TimeZone.init(identifier:)) ?? .current
    }

    /// How wide tables may be: the terminal's columns, else `COLUMNS`, else nil (no limit for pipes and files).
    var terminalColumns: Int? {
        TerminalWidth.columns(environment: context.environment)
    }

    /// The promotion options from the variables, with a command's keyword overrides (`to`, `from`, `release`,
    /// `channel`, `tenant`) for this plan only.
    /// - Throws: `ShellError.noApplication` / `.noDestination`, or the engine's validation errors.
    public func promotionOptions(_ invocation: Invocation, application override: Application? = nil) throws -> PromotionOptions {
        guard let application = override ?? application else { throw ShellError.noApplication }
        guard let destination = invocation["to"] ?? settings["to"] else { throw ShellError.noDestination(command: invocation.commandName) }
        func mode(_ text: String?) -> DeploymentMode {
            switch text {
            case "redeploy": .redeploy
            case "always-latest": .alwaysLatest
            default: .promote
            }
        }
        var options = PromotionOptions(
            application: application,
            destination: destination,
            channel: invocation["channel"] ?? settings["channel"],
            releasePattern: try (invocation["release"] ?? settings["pattern"]).map { try VersionPattern($0) } ?? .any,
            notFound: NotFoundHandling(parameter: settings["on-missing"] ?? "warning"),
            source: invocation["from"] ?? settings["from"],
            tenant: invocation["tenant"] ?? settings["tenant"],
            promptedVariables: settings.promptedVariables,
            mode: mode(settings["mode"]),
            refreshSnapshots: settings.isOn("refresh-snapshots", default: false),
            specificMachines: (settings["machines"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
            ignoreMachineMismatch: settings.isOn("ignore-machine-mismatch", default: false),
            waitTimeout: settings.timeout,
            scheduleTimeZone: settings["time-zone"],
            autoApprove: settings.isOn("auto-approve", default: true),
            approvalEnvironment: settings["approval-environment"],
            approvalTenant: settings["approval-tenant"],
            parentProject: parentRelease == nil ? nil : settings["parent"],
            parentRelease: parentRelease)
        if let timeout = invocation["timeout"].flatMap(DurationText.seconds) { options.waitTimeout = timeout }
        try options.validate()
        return options
    }

    /// Stores `plan` as the open plan (in the session and on disk).
    public mutating func keep(_ plan: PromotionPlan, staleReason: String? = nil) throws {
        let connection = try requireConnection()
        let stored = PlanStore.Stored(plan: plan, server: connection.identity, space: connection.spaceName, staleReason: staleReason, savedAt: Date())
        openPlan = stored
        try planStore.save(stored)
    }

    /// Marks the open plan stale because its inputs changed (`reason`: "the pattern changed").
    public mutating func markPlanStale(_ reason: String) {
        guard var stored = openPlan, stored.plan.step < .deployed else { return }
        stored.staleReason = reason
        openPlan = stored
        try? planStore.save(stored)
    }

    /// Closes the open plan, recording how it ended.
    public mutating func closePlan(result: String) {
        if let stored = openPlan { try? planStore.close(stored, result: result, at: Date()) }
        openPlan = nil
    }
}
