import Foundation
import OctopusClient
import OctopusModel
import OctopusSandbox
import Orchestration
import Synchronization
import Testing

/// Issue 7, "never twice, never orphaned", in the engine: the ledger key without a plan id, the server check,
/// concurrent runs, queued tasks and the wait timeout, transient faults once deployments exist.
@Suite(.serialized)
struct NeverTwiceTests {
    static func ledgerURL() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("conductor-\(UUID().uuidString)/ledger.json")
    }

    static func deployments(_ sandbox: SandboxHarness, _ project: ProjectID, to environment: EnvironmentID = SampleSeed.Environments.staging) async throws -> [Deployment] {
        try await sandbox.client.deployments(projects: [project], environments: [environment]).all()
    }

    /// Row 1: a second run (a new plan, as after `kill -9`) follows the deployment the first created — with the
    /// ledger, and with no ledger at all (another machine), through the server check — and says so.
    @Test(arguments: [true, false])
    func aNewPlanFollowsTheRunningDeployment(sharedLedger: Bool) async throws {
        try await SandboxHarness.run { sandbox in
            let url = Self.ledgerURL()
            let options = PromotionOptions(application: Application(sequential: ["Database"]), destination: "Staging", source: "Test")
            let before = try await Self.deployments(sandbox, SampleSeed.Projects.database).count
            let first = try await sandbox.engine(ledger: FileDeploymentLedger(url: url)).deploy(try await sandbox.engine().find(options))
            let created = try #require(first.child("Database")?.deployment)

            let second = sandbox.engine(ledger: sharedLedger ? FileDeploymentLedger(url: url) : InMemoryDeploymentLedger())
            let (plan, events) = try await collectingEvents { progress in try await second.deploy(try await second.find(options), progress: progress) }
            let followed = try #require(plan.child("Database")?.deployment)
            #expect(followed.deploymentId == created.deploymentId && followed.wasAlreadyCreated)
            #expect(events.contains { if case .followingExisting(project: "Database", _, environment: "Staging", taskId: created.taskId, _, _) = $0 { true } else { false } })
            #expect(plan.child("Database")?.messages.contains { $0.text.contains("is already deploying to Staging (\(created.taskId.rawValue)); following it") } == true)
            #expect(try await Self.deployments(sandbox, SampleSeed.Projects.database).count == before + 1)
        }
    }

    /// A deployment of the same release a person made by hand is followed, not duplicated; one that failed is not
    /// (a new deployment is the retry).
    @Test(arguments: [false, true])
    func aDeploymentMadeByHandIsFollowedUnlessItFailed(failed: Bool) async throws {
        try await SandboxHarness.run { sandbox in
            let engine = sandbox.engine()
            let plan = try await engine.whatIf(try await engine.find(PromotionOptions(application: Application(sequential: ["Scheduling Service"]), destination: "Staging")))
            let release = try #require(plan.child("Scheduling Service")?.release)
            let byHand = try await sandbox.client.createDeployment(Deployment(releaseId: release.id, environmentId: plan.destination.id))
            if failed { try await sandbox.client.cancelTask(try #require(byHand.taskId)) }
            let (deployed, sent) = try await sandbox.transport.counting { try await engine.deploy(plan) }
            #expect(sent.filter { $0.hasPrefix("POST") }.count == (failed ? 1 : 0))
            #expect((deployed.child("Scheduling Service")?.deployment?.deploymentId == byHand.id) == !failed)
        }
    }

    /// A deliberate redeploy (mode redeploy) of a release that succeeded before the plan was found deploys again:
    /// only deployments queued, running, or succeeded since `find` stand for the key.
    @Test func aRedeployOfAnEarlierSuccessDeploysAgain() async throws {
        try await SandboxHarness.run { sandbox in
            let engine = sandbox.engine()
            let options = PromotionOptions(application: Application(sequential: ["Database"]), destination: "Test", mode: .redeploy)
            let plan = try await engine.whatIf(try await engine.find(options))
            let (_, sent) = try await sandbox.transport.counting { try await engine.deploy(plan) }
            #expect(sent.filter { $0.hasPrefix("POST") && $0.hasSuffix("/deployments") }.count == 1)
        }
    }

    /// Row 7: concurrent runs (8 engines, one ledger file, fresh plans) for the same children: one creates each
    /// deployment, the others follow it.
    @Test func concurrentRunsCreateEachDeploymentOnce() async throws {
        try await SandboxHarness.run { sandbox in
            let url = Self.ledgerURL()
            let options = PromotionOptions(application: try Application(parsing: "Database, Scheduling Service"), destination: "Staging", source: "Test")
            let plans = try await withThrowingTaskGroup(of: PromotionPlan.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        let engine = sandbox.engine(ledger: FileDeploymentLedger(url: url))
                        return try await engine.deploy(try await engine.whatIf(try await engine.find(options)))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            for (name, project) in [("Database", SampleSeed.Projects.database), ("Scheduling Service", SampleSeed.Projects.schedulingService)] {
                let ids = Set(plans.compactMap { $0.child(name)?.deployment?.deploymentId })
                #expect(ids.count == 1, "\(name): \(ids)")
                let created = plans.filter { $0.child(name)?.deployment?.wasAlreadyCreated == false }
                #expect(created.count == 1)
                let standing = try await Self.deployments(sandbox, project).filter { ids.contains($0.id) }
                #expect(standing.count == 1)
            }
        }
    }

    /// Row 2: a task queued behind another says which one and why, and the wait timeout counts from creation, queued
    /// time included, so it ends instead of waiting forever.
    @Test func aQueuedTaskSaysWhatItWaitsBehindAndTimesOut() async throws {
        try await SandboxHarness.run { sandbox in
            let options = PromotionOptions(application: Application(sequential: ["Web API"]), destination: "Staging", source: "Test", waitTimeout: 600, autoApprove: false)
            let engine = sandbox.engine()
            let chosen = try #require(try await engine.find(options).child("Web API")?.release)
            // Someone's deployment of another Web API release to Staging sits at its manual intervention.
            var blocker: Deployment?
            for release in try await sandbox.client.projectReleases(SampleSeed.Projects.webAPI).all() where release.id != chosen.id && blocker == nil {
                blocker = try? await sandbox.client.createDeployment(Deployment(releaseId: release.id, environmentId: SampleSeed.Environments.staging))
            }
            let blockerTask = try #require(blocker?.taskId)
            let older = try #require(blocker)
            let (plan, events) = try await collectingEvents { progress in try await engine.promote(options, progress: progress) }
            let child = try #require(plan.child("Web API"))
            #expect(child.release?.id != older.releaseId)
            #expect(child.outcome == .cancelledOnTimeout)
            #expect(events.contains { if case .queuedBehind(project: "Web API", _, let blockers) = $0 { blockers.first?.hasPrefix(blockerTask.rawValue) == true } else { false } })
            #expect(child.messages.contains { $0.text.contains("queued behind \(blockerTask.rawValue)") })
            let task = try await sandbox.client.task(try #require(child.deployment?.taskId))
            #expect(task.state == .canceled && task.startTime == nil)
        }
    }

    /// Rows 3 and 4: a 503 on the intervention submit (answered by the server or not), 6 failed task polls in a row,
    /// and failed creates of a later stage are ridden out: the promotion finishes, nothing is created twice.
    @Test(arguments: [
        FaultyTransport.Rule(method: .post, pattern: "/submit", times: 1),
        FaultyTransport.Rule(method: .post, pattern: "/submit", times: 1, forwardFirst: true),
        FaultyTransport.Rule(method: .get, pattern: "/api/tasks?ids=", times: 6),
        FaultyTransport.Rule(method: .post, pattern: "/deployments", times: 3, status: 502),
        FaultyTransport.Rule(method: .post, pattern: "/deployments", times: 3, status: 502, forwardFirst: true),
    ])
    func transientFaultsAreRiddenOut(rule: FaultyTransport.Rule) async throws {
        try await SandboxHarness.run { sandbox in
            let faulty = FaultyTransport(sandbox.transport, rules: [rule])
            let client = try SandboxHarness.client(sandbox.server, apiKey: SampleSeed.releaseConductorAPIKey, transport: faulty, retries: SandboxHarness.noRetries)
            try await sandbox.addMember(SampleSeed.Users.releaseConductor, to: SampleSeed.Teams.webAdmins)
            var options = PromotionOptions(application: try Application(parsing: "Database then Web API"), destination: "Staging", source: "Test")
            options.approveAsMe = true  // Web API's 'Web Admin Approval' is answered, so a submit is sent (and faulted)
            let plan = try await sandbox.engine(client: client).promote(options)
            #expect(plan.children.allSatisfy { $0.outcome == .success }, "\(plan.children.map { "\($0.project.name): \(String(describing: $0.outcome))" })")
            #expect(faulty.faults > 0)
            for project in [SampleSeed.Projects.database, SampleSeed.Projects.webAPI] {
                let ids = plan.children.compactMap(\.deployment?.deploymentId)
                #expect(try await Self.deployments(sandbox, project).filter { $0.created ?? .distantPast >= plan.createdAt }.count == 1, "\(project) \(ids)")
            }
        }
    }

    /// Row 5: when the faults outlast the budget the promotion stops with the plan — the running deployment is in it
    /// with its link — and running it again resumes and finishes without a second deployment.
    @Test func faultsPastTheBudgetStopWithThePlanAndARerunResumes() async throws {
        try await SandboxHarness.run { sandbox in
            let url = Self.ledgerURL()
            let faulty = FaultyTransport(sandbox.transport, rules: [FaultyTransport.Rule(method: .get, pattern: "/api/tasks?ids=", times: 1000)])
            let client = try SandboxHarness.client(sandbox.server, apiKey: SampleSeed.releaseConductorAPIKey, transport: faulty, retries: SandboxHarness.noRetries)
            let options = PromotionOptions(application: try Application(parsing: "Database then Scheduling Service"), destination: "Staging", source: "Test")
            var broken = sandbox.engine(client: client, ledger: FileDeploymentLedger(url: url))
            broken.faultBudget = 60
            let stopped = try await #require(throws: PromotionStopped.self) { try await broken.promote(options) }
            let running = try #require(stopped.running.first)
            #expect(running.project.name == "Database" && running.deployment?.webLink.contains("/deployments/") == true)
            #expect(stopped.faultSeconds >= 60)
            #expect(stopped.plan.child("Scheduling Service")?.deployment == nil)

            let resumed = try await sandbox.engine(ledger: FileDeploymentLedger(url: url)).promote(options)
            // Database is followed — or, when it finished meanwhile, is already current in Staging.
            let database = try #require(resumed.child("Database"))
            #expect(database.deployment?.deploymentId == running.deployment?.deploymentId || database.action == .skip(.alreadyCurrent))
            #expect(resumed.child("Scheduling Service")?.outcome == .success)
            #expect(try await Self.deployments(sandbox, SampleSeed.Projects.database).filter { $0.created ?? .distantPast >= stopped.plan.createdAt }.count == 1)
        }
    }

    /// Row 6: a project named twice is a usage error before anything happens.
    @Test(arguments: ["Database, Database", "Database then database", "Web API then Database,  Web API "])
    func aProjectNamedTwiceIsRefused(text: String) throws {
        let options = PromotionOptions(application: try Application(parsing: text), destination: "Staging")
        #expect(throws: OrchestrationError.self) { try options.validate() }
        #expect((try? options.validate()) == nil)
    }
}
