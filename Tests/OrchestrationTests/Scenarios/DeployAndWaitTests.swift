import Foundation
import OctopusClient
import OctopusModel
import OctopusSandbox
import Orchestration
import Synchronization
import Testing

/// Deploy and wait: stages, failures, timeouts, the ledger, request costs of a poll.
@Suite(.serialized)
struct DeployAndWaitTests {
    /// `readyToDeploy` (conductor promote: the connection's user and space, read beside find) is awaited after the
    /// preview: its error stops the promotion before anything is created; once it passes, the promotion deploys.
    @Test func nothingDeploysUntilReady() async throws {
        struct Refused: Error {}
        try await SandboxHarness.run { sandbox in
            let changing = { sandbox.server.services.statistics.snapshot.filter { !$0.key.hasPrefix("GET ") }.values.reduce(0, +) }
            let before = changing()
            await #expect(throws: Refused.self) {
                try await sandbox.engine().promote(try Sample.options("Staging"), readyToDeploy: { throw Refused() })
            }
            #expect(changing() == before, "a deployment was created before the connection was confirmed")
            let ready = Mutex(false)
            var options = try Sample.options("Staging")
            options.wait = false
            let plan = try await sandbox.engine().promote(options, readyToDeploy: { ready.withLock { $0 = true } })
            #expect(ready.withLock { $0 })
            #expect(plan.children.contains { $0.deployment != nil })
        }
    }

    @Test func failedChildStopsLaterStages() async throws {
        try await SandboxHarness.run { sandbox in
            try await sandbox.server.store.write { db in
                try db.arrangeFailure(FailureArrangement(projectId: SampleSeed.Projects.database, environmentId: SampleSeed.Environments.staging, step: "Deploy Database"))
            }
            let options = PromotionOptions(application: try Application(parsing: "Database then Scheduling Service"), destination: "Staging")
            let (plan, events) = try await collectingEvents { progress in try await sandbox.engine().promote(options, progress: progress) }
            #expect(plan.child("Database")?.outcome == .failed)
            let scheduling = try #require(plan.child("Scheduling Service"))
            #expect(scheduling.action == .skip(.earlierStageFailed))
            #expect(scheduling.deployment == nil)
            #expect(events.contains(.laterStagesSkipped(because: "Database failed", projects: ["Scheduling Service"])))
            let created = try await sandbox.client.deployments(projects: [SampleSeed.Projects.schedulingService], environments: [SampleSeed.Environments.staging]).all()
            #expect(created.isEmpty)
        }
    }

    /// Children of one stage deploy together: both deployments exist before either finishes.
    @Test func oneStageDeploysConcurrently() async throws {
        try await SandboxHarness.run { sandbox in
            let options = PromotionOptions(application: try Application(parsing: "Scheduling Service, Database"), destination: "Staging")
            let (plan, events) = try await collectingEvents { progress in try await sandbox.engine().promote(options, progress: progress) }
            #expect(plan.children.map(\.project.name) == ["Scheduling Service", "Database"])  // plan order
            #expect(events.first == .stageStarted(stage: 0, projects: ["Scheduling Service", "Database"]))
            let created = events.indices.filter { if case .deploymentCreated = events[$0] { true } else { false } }
            let firstFinish = try #require(events.firstIndex { if case .finished = $0 { true } else { false } })
            #expect(created.count == 2 && created.allSatisfy { $0 < firstFinish })
            #expect(plan.children.allSatisfy { $0.outcome == .success })
        }
    }

    /// B1: the timeout's cancel is really sent; B3-like terminal outcome; later stages stop.
    @Test func waitTimeoutCancelsTheChild() async throws {
        try await SandboxHarness.run { sandbox in
            // Web API waits on its "Web Admin Approval" in Staging; nobody approves it.
            let options = PromotionOptions(application: try Application(parsing: "Web API then Web UI"), destination: "Staging", waitTimeout: 600, autoApprove: false)
            let (plan, events) = try await collectingEvents { progress in try await sandbox.engine().promote(options, progress: progress) }
            let webAPI = try #require(plan.child("Web API"))
            #expect(webAPI.outcome == .cancelledOnTimeout)
            #expect(events.contains(.timedOut(project: "Web API", seconds: 600, cancelled: true, waitingOn: "Web Admin Approval")))
            #expect(events.contains(.interventionLeftToPeople(project: "Web API", title: "Web Admin Approval", reason: .autoApprovalOff)))
            #expect(plan.child("Web UI")?.action == .skip(.earlierStageFailed))
            let taskId = try #require(webAPI.deployment?.taskId)
            let task = try await sandbox.client.task(taskId)
            #expect([TaskState.canceled, .cancelling].contains(task.state))
        }
    }

    /// A repeated deploy of the same plan, and a resumed one from another engine with the same ledger file, never
    /// create a second deployment.
    @Test func repeatedAndResumedDeployNeverDuplicates() async throws {
        try await SandboxHarness.run { sandbox in
            let ledgerURL = FileManager.default.temporaryDirectory.appendingPathComponent("conductor-\(UUID().uuidString)/ledger.json")
            let engine = sandbox.engine(ledger: FileDeploymentLedger(url: ledgerURL))
            let options = PromotionOptions(application: Application(sequential: ["Scheduling Service"]), destination: "Staging")
            let plan = try await engine.whatIf(try await engine.find(options))
            let (first, firstRequests) = try await sandbox.transport.counting { try await engine.deploy(plan) }
            #expect(firstRequests.filter { $0.hasPrefix("POST") && $0.hasSuffix("/deployments") }.count == 1)
            let (again, againRequests) = try await sandbox.transport.counting { try await engine.deploy(plan) }
            #expect(againRequests.filter { $0.hasPrefix("POST") }.isEmpty)
            #expect(again.child("Scheduling Service")?.deployment?.deploymentId == first.child("Scheduling Service")?.deployment?.deploymentId)
            #expect(again.child("Scheduling Service")?.deployment?.wasAlreadyCreated == true)

            let resumed = sandbox.engine(ledger: FileDeploymentLedger(url: ledgerURL))
            let (third, thirdRequests) = try await sandbox.transport.counting { try await resumed.deploy(plan) }
            #expect(thirdRequests.filter { $0.hasPrefix("POST") }.isEmpty)
            #expect(third.child("Scheduling Service")?.deployment?.deploymentId == first.child("Scheduling Service")?.deployment?.deploymentId)
            let deployments = try await sandbox.client.deployments(projects: [SampleSeed.Projects.schedulingService], environments: [SampleSeed.Environments.staging]).all()
            #expect(deployments.count == 1)
        }
    }

    /// A run that stopped between claiming and recording (the POST may or may not have happened): the next deploy
    /// looks on the server first — and finds the deployment instead of creating a second one, or creates it when
    /// there is none.
    @Test(arguments: [true, false])
    func claimWithoutOutcomeIsLookedUpFirst(deploymentWasCreated: Bool) async throws {
        try await SandboxHarness.run { sandbox in
            let ledger = InMemoryDeploymentLedger()
            let engine = sandbox.engine(ledger: ledger)
            let plan = try await engine.whatIf(try await engine.find(PromotionOptions(application: Application(sequential: ["Scheduling Service"]), destination: "Staging")))
            let child = try #require(plan.child("Scheduling Service"))
            let release = try #require(child.release)
            let key = LedgerKey(
                server: sandbox.client.connection.serverRoot.absoluteString, spaceId: SampleSeed.spaceID.rawValue, projectId: child.project.id.rawValue,
                releaseId: release.id.rawValue, environmentId: plan.destination.id.rawValue)
            try await ledger.claim(key, planId: UUID(), at: sandbox.clock.now)
            var earlier: Deployment?
            if deploymentWasCreated {
                earlier = try await sandbox.client.createDeployment(Deployment(releaseId: release.id, environmentId: plan.destination.id))
            }
            let (deployed, sent) = try await sandbox.transport.counting { try await engine.deploy(plan) }
            let posts = sent.filter { $0.hasPrefix("POST") }
            #expect(posts.count == (deploymentWasCreated ? 0 : 1))
            if let earlier {
                #expect(deployed.child("Scheduling Service")?.deployment?.deploymentId == earlier.id)
                #expect(deployed.child("Scheduling Service")?.deployment?.wasAlreadyCreated == true)
            }
            #expect(try await ledger.entry(for: key)?.isCreated == true)
            let all = try await sandbox.client.deployments(projects: [SampleSeed.Projects.schedulingService], environments: [SampleSeed.Environments.staging]).all()
            #expect(all.count == 1)
        }
    }

    /// Each poll costs at most 2 requests for the whole application while nothing waits on an interruption.
    @Test func pollCost() async throws {
        try await SandboxHarness.run { sandbox in
            let engine = sandbox.engine()
            let options = PromotionOptions(application: try Application(parsing: "Database, Scheduling Service"), destination: "Staging")
            let deployed = try await engine.deploy(try await engine.whatIf(try await engine.find(options)))
            let polls = Mutex(0)
            let counting = PromotionEngine(client: sandbox.client, clock: PromotionClock(now: sandbox.promotionClock.now, sleep: { duration in
                polls.withLock { $0 += 1 }
                try await sandbox.promotionClock.sleep(duration)
            }), defaultTimeZone: TimeZone(identifier: "UTC")!)
            let ((finished, _), requests) = try await sandbox.transport.counting {
                try await collectingEvents { progress in try await counting.wait(deployed, progress: progress) }
            }
            #expect(finished.children.allSatisfy { $0.outcome == .success })
            let rounds = polls.withLock { $0 } + 1
            #expect(requests.count <= 2 * rounds, "\(requests.count) requests in \(rounds) polls: \(requests)")
        }
    }
}

import Synchronization

extension DeployAndWaitTests {
    /// A saved plan goes stale when a newer release reaches the source: `changes(since:)` says which child changed.
    @Test func stalePlanIsDetected() async throws {
        try await SandboxHarness.run { sandbox in
            let engine = sandbox.engine()
            let plan = try await engine.find(try Sample.options("Staging"))
            #expect(try await engine.changes(since: plan).isEmpty)
            let fix = try await sandbox.createRelease(SampleSeed.Projects.webAPI, version: "2021.1.0.16")
            for environment in [SampleSeed.Environments.development, SampleSeed.Environments.test] {
                try #require(try await sandbox.deployToEnd(fix.id, to: environment).state == .success)
            }
            let changes = try await engine.changes(since: plan)
            #expect(changes == [PlanChange(project: "Web API", planned: "2021.1.0.14", now: "2021.1.0.16")])
            #expect(changes.first?.description == "Web API: the plan deploys 2021.1.0.14, now 2021.1.0.16 would be deployed")
        }
    }
}

extension DeployAndWaitTests {
    /// Under injected faults (503s and dropped connections) a whole promotion still completes: reads are retried and
    /// no child is deployed twice.
    @Test(arguments: [UInt64(1), 2, 3])
    func promotionSurvivesFaults(randomSeed: UInt64) async throws {
        try await SandboxHarness.run(failRate: 0.15, resetRate: 0.05, randomSeed: randomSeed) { sandbox in
            let options = PromotionOptions(application: try Application(parsing: "Database then Scheduling Service"), destination: "Staging")
            let plan = try await sandbox.engine().promote(options)
            #expect(plan.children.allSatisfy { $0.outcome == .success }, "\(plan.children.map { ($0.project.name, $0.outcome) })")
            for project in [SampleSeed.Projects.database, SampleSeed.Projects.schedulingService] {
                let deployments = try await sandbox.server.store.read { db in
                    try db.documents(Deployment.self).filter { $0.projectId == project && $0.environmentId == SampleSeed.Environments.staging }
                }
                #expect(deployments.count == 1)
            }
        }
    }
}
