import Synchronization
import Foundation
import OctopusClient
import OctopusModel
import OctopusSandbox
import Orchestration

/// A live sample sandbox on loopback with a virtual clock, a client for it, and engines whose clock is the sandbox's
/// (sleeping advances it, so waits never sleep).
struct SandboxHarness: Sendable {
    let server: SandboxServer
    let clock: VirtualClock
    let transport: CountingTransport
    let client: OctopusClient

    /// Runs `body` against a fresh sample sandbox.
    static func run<T: Sendable>(
        seed: SandboxConfiguration.Seed = .sample, apiKey: String = SampleSeed.releaseConductorAPIKey,
        failRate: Double = 0, resetRate: Double = 0, randomSeed: UInt64 = 42, largeSeed: LargeSeedParameters = LargeSeedParameters(),
        _ body: @Sendable (SandboxHarness) async throws -> T
    ) async throws -> T {
        let clock = VirtualClock()
        var configuration = SandboxConfiguration(seed: seed, clock: clock, failRate: failRate, resetRate: resetRate, randomSeed: randomSeed)
        configuration.largeSeed = largeSeed
        return try await SandboxServer.withRunning(configuration) { server in
            let transport = CountingTransport()
            let client = try Self.client(server, apiKey: apiKey, transport: transport)
            return try await body(SandboxHarness(server: server, clock: clock, transport: transport, client: client))
        }
    }

    /// Retries wait without sleeping: the back-off is the client's concern, not these tests'.
    static let quickRetries = RetryPolicy(maximumAttempts: 8, sleep: { _ in })
    /// No client retries at all (the engine's own fault handling is under test).
    static let noRetries = RetryPolicy(maximumAttempts: 1, sleep: { _ in })

    static func client(_ server: SandboxServer, apiKey: String, transport: any HTTPTransport, retries: RetryPolicy = quickRetries) throws -> OctopusClient {
        let connection = try OctopusConnection(server: server.baseURL.absoluteString, apiKey: APIKey(apiKey), space: .id(SampleSeed.spaceID.rawValue), retryPolicy: retries)
        return OctopusClient(connection: connection, spaceID: SampleSeed.spaceID, transport: transport)
    }

    /// A client of the same sandbox with another user's API key.
    func client(apiKey: String) throws -> OctopusClient {
        try Self.client(server, apiKey: apiKey, transport: transport)
    }

    /// The engine's clock: the sandbox's virtual clock; sleeping moves it forward. `onSleep` runs before each move
    /// (people acting between polls).
    func promotionClock(onSleep: (@Sendable () async throws -> Void)? = nil) -> PromotionClock {
        let clock = self.clock
        return PromotionClock(now: { clock.now }, sleep: { duration in
            try await onSleep?()
            clock.advance(by: Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
        })
    }

    var promotionClock: PromotionClock { promotionClock() }

    /// An engine on this sandbox.
    func engine(
        client: OctopusClient? = nil, ledger: any DeploymentLedger = InMemoryDeploymentLedger(), concurrency: Int = 4,
        onSleep: (@Sendable () async throws -> Void)? = nil
    ) -> PromotionEngine {
        PromotionEngine(
            client: client ?? self.client, ledger: ledger, clock: promotionClock(onSleep: onSleep), concurrency: concurrency,
            defaultTimeZone: TimeZone(identifier: "UTC") ?? .gmt)
    }

    /// Requests the sandbox has counted so far (its own statistics, not the client's).
    var serverRequestCount: Int { server.services.statistics.total }

    /// Requests the sandbox counted while `body` ran.
    func serverRequests<T>(_ body: () async throws -> T) async rethrows -> (T, Int) {
        let before = serverRequestCount
        let result = try await body()
        return (result, serverRequestCount - before)
    }

    /// A person with their own API key who approves ("Proceed") every pending manual intervention they may take.
    func person(_ apiKey: String) throws -> Person {
        Person(client: try client(apiKey: apiKey))
    }

    /// Makes a user a member of a team (the blog's scaffolding: the Release Conductor joins the approving teams).
    func addMember(_ user: UserID, to team: TeamID) async throws {
        try await server.store.write { db in
            guard var document = try db.document(Team.self, id: team.rawValue) else { return }
            if !document.memberUserIds.contains(user) { document.memberUserIds.append(user) }
            try db.save(document)
        }
    }

    /// Takes `team` off every manual intervention, in the processes and in the releases' process snapshots (which the
    /// tasks run), e.g. to leave the API key's user (Release Management) without the right to take them.
    func removeFromInterventions(_ team: TeamID) async throws {
        try await server.store.write { db in
            for var process in try db.documents(DeploymentProcess.self) {
                for step in process.steps.indices {
                    for action in process.steps[step].actions.indices where process.steps[step].actions[action].isManualIntervention {
                        let teams = process.steps[step].actions[action].responsibleTeamIds.filter { $0 != team }
                        process.steps[step].actions[action].properties[PropertyBag.manualResponsibleTeamIds] =
                            teams.map(\.rawValue).joined(separator: ",")
                    }
                }
                try db.save(process)
            }
        }
    }
}

/// Someone who approves manual interventions by hand (between the engine's polls).
struct Person: Sendable {
    let client: OctopusClient

    /// Proceeds every pending manual intervention this user may take; returns their titles.
    @discardableResult
    func approvePending(notes: String = "Looks good.") async throws -> [String] {
        var titles: [String] = []
        for interruption in try await client.interruptions(pendingOnly: true).all()
        where interruption.isPending && interruption.canTakeResponsibility && interruption.form.elements.contains(where: { $0.name == "Result" }) {
            try await client.takeResponsibility(interruption: interruption.id)
            try await client.submitInterruption(interruption.id, values: ["Notes": notes, "Result": "Proceed"])
            titles.append(interruption.title)
        }
        return titles
    }
}

/// The sample application's children in the blog's deployment order.
enum Sample {
    static let children = ["Database", "Web API", "Scheduling Service", "Web UI"]
    static let application = Application(sequential: children)

    static func options(
        _ destination: String, pattern: String = "", mode: DeploymentMode = .promote, configure: (inout PromotionOptions) throws -> Void = { _ in }
    ) throws -> PromotionOptions {
        var options = PromotionOptions(application: application, destination: destination, releasePattern: try VersionPattern(pattern), mode: mode)
        try configure(&options)
        return options
    }
}

extension Sample {
    /// Options whose approvals come from the parent release 2021.1.0's deployment to Prod Approval.
    static func withParentApprovals(_ options: PromotionOptions) -> PromotionOptions {
        var options = options
        options.parentProject = "Release Orchestration"
        options.parentRelease = "2021.1.0"
        options.approvalEnvironment = "Prod Approval"
        return options
    }
}

extension PromotionPlan {
    /// The row of a project.
    func child(_ name: String) -> ChildPlan? { children.first { $0.project.name == name } }
}

/// Collects the events of a wait or deploy.
func collectingEvents<T: Sendable>(_ body: (@escaping ProgressSink) async throws -> T) async throws -> (T, [ProgressEvent]) {
    let recorder = EventRecorder()
    let result = try await body { event in recorder.append(event) }
    return (result, recorder.events)
}

/// Keeps the events a sink received, in order.
final class EventRecorder: Sendable {
    private let storage = Mutex<[ProgressEvent]>([])

    func append(_ event: ProgressEvent) { storage.withLock { $0.append(event) } }

    var events: [ProgressEvent] { storage.withLock { $0 } }
}

/// Arranging sample history through the sandbox's own API (as a build server or a person would).
extension SandboxHarness {
    private struct NewRelease: Encodable, Sendable {
        var ProjectId: String
        var Version: String
        var ReleaseNotes: String?
    }

    /// Creates a release of a project in its default channel (`POST /releases`).
    func createRelease(_ project: ProjectID, version: String, notes: String? = nil) async throws -> Release {
        try await client.send(.post, client.spacePath("releases"), body: NewRelease(ProjectId: project.rawValue, Version: version, ReleaseNotes: notes))
    }

    /// Deploys a release and moves the clock until its task ends; `people` approve its interventions meanwhile.
    @discardableResult
    func deployToEnd(_ release: ReleaseID, to environment: EnvironmentID, people: [Person] = []) async throws -> ServerTask {
        let deployment = try await client.createDeployment(Deployment(releaseId: release, environmentId: environment))
        let taskId = try #require(deployment.taskId)
        for _ in 0..<500 {
            let task = try await client.task(taskId)
            if task.isCompleted { return task }
            if task.hasPendingInterruptions {
                for person in people { try await person.approvePending() }
            }
            clock.advance(by: 30)
        }
        throw CancellationError()
    }

    /// Promotes the four children from Test to Staging, Wes approving the web projects' Web Admin Approval.
    func promoteChildrenToStaging() async throws {
        let wes = try person(SampleSeed.webAdminAPIKey)
        let plan = try await engine(onSleep: { try await wes.approvePending() }).promote(try Sample.options("Staging"))
        try #require(plan.children.allSatisfy { $0.outcome == .success })
    }

    /// The blog's Production setup: the children in Staging, the parent approved in Prod Approval by Olivia, Quinn
    /// and Wes, and — as the blog's scaffolding asks — the Release Conductor in the QA and Web Admins teams.
    func arrangeApprovedParentForProduction() async throws {
        try await promoteChildrenToStaging()
        try await approveParentInProdApproval()
        for team in [SampleSeed.Teams.qa, SampleSeed.Teams.webAdmins] {
            try await addMember(SampleSeed.Users.releaseConductor, to: team)
        }
    }

    /// Deploys the parent release 2021.1.0 to Staging, then to Prod Approval where Olivia, Quinn and Wes approve it.
    func approveParentInProdApproval() async throws {
        let parent = try #require(SampleSeed.releaseID(project: SampleSeed.Projects.releaseOrchestration, version: SampleSeed.orchestrationReleaseVersion))
        try #require(try await deployToEnd(parent, to: SampleSeed.Environments.staging).state == .success)
        let approvers = try [SampleSeed.businessOwnerAPIKey, SampleSeed.qaAPIKey, SampleSeed.webAdminAPIKey].map { try person($0) }
        try #require(try await deployToEnd(parent, to: SampleSeed.Environments.prodApproval, people: approvers).state == .success)
    }
}

import Testing

extension Sample {
    /// A promotion of the four children to Production with the parent's approvals from Prod Approval: Olivia, Quinn
    /// and Wes approved with their teams, every child succeeded, and the six child interventions were submitted.
    static func expectParentApprovalsApplied(_ plan: PromotionPlan, events: [ProgressEvent], sourceLocation: SourceLocation = #_sourceLocation) {
        let approvers = Dictionary(uniqueKeysWithValues: (plan.approvals?.approvers ?? []).map { ($0.username, Set($0.teamIds)) })
        #expect(Set(approvers.keys) == ["olivia", "quinn", "wes"], sourceLocation: sourceLocation)
        #expect(approvers["olivia"]?.contains(SampleSeed.Teams.businessOwners) == true, sourceLocation: sourceLocation)
        #expect(approvers["quinn"]?.contains(SampleSeed.Teams.qa) == true, sourceLocation: sourceLocation)
        #expect(approvers["wes"]?.contains(SampleSeed.Teams.webAdmins) == true, sourceLocation: sourceLocation)
        for child in plan.children {
            #expect(child.outcome == .success, "\(child.project.name): \(child.messages.map(\.text))", sourceLocation: sourceLocation)
        }
        let submitted = events.compactMap { event -> String? in
            if case .approvalSubmitted(let project, let title, _) = event { "\(project): \(title)" } else { nil }
        }
        #expect(Set(submitted) == ["Database: QA Approval", "Scheduling Service: QA Approval", "Web API: Web Admin Approval", "Web API: QA Approval", "Web UI: Web Admin Approval", "Web UI: QA Approval"], sourceLocation: sourceLocation)
    }
}
