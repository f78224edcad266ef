import Foundation
import OctopusClient
import OctopusModel
import OctopusSandbox
import Orchestration
import Testing

/// The rest of the step template's parameter matrix, against the live sample sandbox.
@Suite(.serialized)
struct ParameterMatrixTests {
    @Test func redeployTakesTheDestinationsCurrentRelease() async throws {
        try await SandboxHarness.run { sandbox in
            let plan = try await sandbox.engine().find(try Sample.options("Test", mode: .redeploy))
            let webAPI = try #require(plan.child("Web API"))
            #expect(webAPI.sourceEnvironments.map(\.name) == ["Test"])
            #expect(webAPI.release?.version == "2021.1.0.14")
            #expect(webAPI.action == .deploy)  // Redeploy never skips the current release
        }
    }

    @Test func alwaysLatestTakesTheNewestReleaseEvenWhenCurrent() async throws {
        try await SandboxHarness.run { sandbox in
            let plan = try await sandbox.engine().find(try Sample.options("Test", mode: .alwaysLatest))
            let webAPI = try #require(plan.child("Web API"))
            #expect(webAPI.release?.version == "2021.1.0.15")
            #expect(webAPI.action == .deploy)
            // B4: the pattern is applied in AlwaysLatest mode.
            let filtered = try await sandbox.engine().find(try Sample.options("Test", pattern: "2021.1.0.1[34]", mode: .alwaysLatest))
            #expect(filtered.child("Web API")?.release?.version == "2021.1.0.14")
            #expect(filtered.child("Web API")?.messages.contains { $0.text.contains("matching 2021.1.0.1[34]") } == true)
        }
    }

    @Test(arguments: [NotFoundHandling.warning, .skip])
    func noReleaseSkips(handling: NotFoundHandling) async throws {
        try await SandboxHarness.run { sandbox in
            let plan = try await sandbox.engine().find(try Sample.options("Staging", pattern: "2030.*") { $0.notFound = handling })
            for child in plan.children {
                #expect(child.action == .skip(.noRelease))
                #expect(child.outputs == .noRelease)
                let message = try #require(child.messages.last)
                #expect(message.level == (handling == .warning ? .warning : .info))  // B10
                #expect(message.text == "No release of \(child.project.name) was found in environment(s) Test matching 2030.* that can be deployed to Staging.")
            }
        }
    }

    @Test func noReleaseWithErrorFails() async throws {
        try await SandboxHarness.run { sandbox in
            await #expect(throws: OrchestrationError.noReleaseFound(project: "Database", searched: .environments(["Test"]), pattern: "2030.*", destination: "Staging")) {
                try await sandbox.engine().find(try Sample.options("Staging", pattern: "2030.*") { $0.notFound = .error })
            }
        }
    }

    @Test func firstPhaseUsesTheNewestChannelRelease() async throws {
        try await SandboxHarness.run { sandbox in
            let plan = try await sandbox.engine().find(try Sample.options("Development"))
            let webAPI = try #require(plan.child("Web API"))
            #expect(webAPI.sourceEnvironments.map(\.name) == ["Development"])
            #expect(webAPI.release?.version == "2021.1.0.15")
            #expect(webAPI.messages.contains { $0.text.contains("is in the first phase of the lifecycle") })
        }
    }

    @Test func explicitSourceReplacesTheLifecycleWalk() async throws {
        try await SandboxHarness.run { sandbox in
            let plan = try await sandbox.engine().find(try Sample.options("Staging") { $0.source = "Development" })
            let webAPI = try #require(plan.child("Web API"))
            #expect(webAPI.sourceEnvironments.map(\.name) == ["Development"])
            #expect(webAPI.messages.contains { $0.text.contains("The source environment Development was given") })
        }
    }

    @Test func sourceEqualToDestinationSkipsWithOutputs() async throws {
        try await SandboxHarness.run { sandbox in
            let plan = try await sandbox.engine().find(try Sample.options("Staging") { $0.source = "staging" })
            for child in plan.children {
                #expect(child.action == .skip(.sourceIsDestination))
                #expect(child.outputs.releaseToPromote == "N/A")  // B11: outputs are set
                #expect(child.messages.contains { $0.text.contains("Use the Redeploy mode") })
            }
        }
    }

    @Test func unknownNamesSuggestTheClosest() async throws {
        try await SandboxHarness.run { sandbox in
            await #expect(throws: OrchestrationError.notFound(kind: "environment", name: "Stagin", suggestions: ["Staging"])) {
                try await sandbox.engine().find(try Sample.options("Stagin"))
            }
            await #expect(throws: OrchestrationError.notFound(kind: "project", name: "Web APU", suggestions: ["Web API"])) {
                try await sandbox.engine().find(PromotionOptions(application: Application(sequential: ["Web APU"]), destination: "Staging"))
            }
            do {
                _ = try await sandbox.engine().find(try Sample.options("Staging") { $0.channel = "Nightly" })
                Issue.record("expected a channel error")
            } catch let error as OrchestrationError {
                #expect(error.description.hasPrefix("Database has no channel named 'Nightly'. Its channels are"))
            }
        }
    }

    @Test func promptedVariablesBecomeFormValues() async throws {
        try await SandboxHarness.run { sandbox in
            let engine = sandbox.engine()
            let options = try Sample.options("Staging") {
                $0.promptedVariables = try PromptedVariable.parseLines("database.migrationmode::Offline::now\nUnrelated::x")
            }
            let plan = try await engine.whatIf(try await engine.find(options))
            let database = try #require(plan.child("Database")?.preview)
            #expect(Array(database.formValues.values) == ["Offline::now"])  // B14
            #expect(plan.child("Web API")?.preview?.formValues.isEmpty == true)
        }
    }

    @Test(arguments: [false, true])
    func specificMachines(ignoreMismatch: Bool) async throws {
        try await SandboxHarness.run { sandbox in
            let engine = sandbox.engine()
            let options = try Sample.options("Staging") {
                $0.specificMachines = ["staging-web-01"]
                $0.ignoreMachineMismatch = ignoreMismatch
            }
            let plan = try await engine.whatIf(try await engine.find(options))
            let webAPI = try #require(plan.child("Web API"))
            #expect(webAPI.action == .deploy)
            #expect(webAPI.preview?.specificMachineIds.count == 1)
            let scheduling = try #require(plan.child("Scheduling Service"))
            if ignoreMismatch {
                #expect(scheduling.action == .deploy)
                #expect(scheduling.preview?.specificMachineIds.isEmpty == true)  // all its machines
            } else {
                #expect(scheduling.action == .skip(.machineMismatch))
                #expect(scheduling.outputs == .machineMismatch(scheduling.release?.version ?? ""))  // B12
            }
        }
    }
}

extension ParameterMatrixTests {
    /// Optional phases: with Test made optional in the component lifecycle, promoting to Staging looks in Test and,
    /// walking back, Development; a release deployed only to Development qualifies.
    @Test func optionalPhasesAreWalkedBack() async throws {
        try await SandboxHarness.run { sandbox in
            try await sandbox.server.store.write { db in
                guard var lifecycle = try db.document(Lifecycle.self, id: SampleSeed.Lifecycles.component.rawValue) else { return }
                if let test = lifecycle.phases.firstIndex(where: { $0.environmentIds.contains(SampleSeed.Environments.test) }) {
                    lifecycle.phases[test].isOptionalPhase = true
                }
                try db.save(lifecycle)
            }
            let fix = try await sandbox.createRelease(SampleSeed.Projects.webAPI, version: "2021.1.0.16")
            try #require(try await sandbox.deployToEnd(fix.id, to: SampleSeed.Environments.development).state == .success)
            let plan = try await sandbox.engine().find(try Sample.options("Staging"))
            let webAPI = try #require(plan.child("Web API"))
            #expect(webAPI.sourceEnvironments.map(\.name) == ["Test", "Development"])
            #expect(webAPI.release?.version == "2021.1.0.16")
            #expect(webAPI.action == .deploy)
        }
    }

    /// B8: the parent may be named in its own space (here the default space by name; one extra request), and an
    /// unknown space is an error with the closest names.
    @Test func parentSpaceIsResolvedByName() async throws {
        try await SandboxHarness.run { sandbox in
            try await sandbox.approveParentInProdApproval()
            let engine = sandbox.engine()
            var options = Sample.withParentApprovals(try Sample.options("Staging") { $0.parentSpace = "Default" })
            let approved = try await engine.approve(try await engine.find(options))
            guard case .parentDeployment(_, _, _, _, let space, let link)? = approved.approvals?.source else {
                Issue.record("expected approvals from the parent deployment")
                return
            }
            #expect(space == SampleSeed.spaceID)
            #expect(link.contains("/app#/Spaces-1/tasks/ServerTasks-"))
            options.parentSpace = "Defualt"
            await #expect(throws: OrchestrationError.notFound(kind: "space", name: "Defualt", suggestions: ["Default"])) {
                try await engine.approve(try await engine.find(options))
            }
        }
    }
}

extension ParameterMatrixTests {
    /// A required prompted variable without a default (Database's migration mode, emptied in the release's variable
    /// snapshot) needs a value: whatif fails naming it and the line to add; with the line it passes.
    @Test func missingRequiredPromptedVariable() async throws {
        try await SandboxHarness.run { sandbox in
            let release = try #require(SampleSeed.releaseID(project: SampleSeed.Projects.database, version: "2021.1.0.10"))
            try await sandbox.server.store.write { db in
                guard let snapshotId = try db.document(Release.self, id: release.rawValue)?.projectVariableSetSnapshotId,
                      var snapshot = try db.document(VariableSet.self, id: snapshotId) else { return }
                for index in snapshot.variables.indices where snapshot.variables[index].name == "Database.MigrationMode" {
                    snapshot.variables[index].value = ""
                }
                try db.save(snapshot)
            }
            let engine = sandbox.engine()
            let options = PromotionOptions(application: Application(sequential: ["Database"]), destination: "Staging")
            let plan = try await engine.find(options)
            await #expect(throws: OrchestrationError.missingPromptedVariable(project: "Database", variable: "Database.MigrationMode")) {
                try await engine.whatIf(plan)
            }
            var withValue = options
            withValue.promptedVariables = [PromptedVariable(name: "Database.MigrationMode", value: "Offline")]
            let finished = try await engine.promote(withValue)
            #expect(finished.child("Database")?.outcome == .success)
            let deployment = try await sandbox.client.deployment(try #require(finished.child("Database")?.deployment?.deploymentId))
            #expect(Array(deployment.formValues.values) == ["Offline"])
        }
    }
}

extension ParameterMatrixTests {
    /// §5.27: Web UI's variables change after its release; whatif reports the stale snapshot, and deploy refreshes it
    /// only when asked: then the release points at a new snapshot on the server (one more request than a plain
    /// deploy), and a later whatif of the same release no longer finds it stale.
    @Test(arguments: [false, true])
    func staleSnapshots(refresh: Bool) async throws {
        try await SandboxHarness.run { sandbox in
            try await sandbox.server.store.write { db in
                let id = VariableSetID(project: SampleSeed.Projects.webUI).rawValue
                guard var variables = try db.document(VariableSet.self, id: id), !variables.variables.isEmpty else { return }
                variables.variables[0].value = "changed after the release"
                try db.save(variables)
            }
            let wes = try sandbox.person(SampleSeed.webAdminAPIKey)
            let engine = sandbox.engine(onSleep: { try await wes.approvePending() })
            let options = PromotionOptions(application: Application(sequential: ["Web UI"]), destination: "Staging", refreshSnapshots: refresh)
            let plan = try await engine.whatIf(try await engine.find(options))
            #expect(plan.child("Web UI")?.preview?.snapshotIsStale == true)
            let releaseID = try #require(plan.child("Web UI")?.release?.id)
            let snapshotBefore = try await sandbox.client.release(releaseID).projectVariableSetSnapshotId
            #expect(snapshotBefore != nil)

            let (deployed, sent) = try await sandbox.transport.counting { try await engine.deploy(plan) }
            #expect(sent.contains { $0.hasPrefix("POST") && $0.hasSuffix("/snapshot-variables") } == refresh)
            // docs/promotion.md: 1 POST per child, +1 refresh when asked and stale; +1 server check before creating (the
            // release never went to Staging) and +2 after (the twin check: the release's deployments and their tasks).
            #expect(sent.filter { $0.hasPrefix("POST") }.count == (refresh ? 2 : 1))
            #expect(sent.count == (refresh ? 2 : 1) + 3)
            #expect(deployed.child("Web UI")?.preview?.snapshotRefreshed == refresh)
            #expect(try await engine.wait(deployed).child("Web UI")?.outcome == .success)

            let snapshotAfter = try await sandbox.client.release(releaseID).projectVariableSetSnapshotId
            #expect((snapshotAfter != snapshotBefore) == refresh)
            // Redeploy selects the same release and reads its template in whatif: stale only if it was not refreshed.
            let again = try await engine.whatIf(try await engine.find(PromotionOptions(
                application: Application(sequential: ["Web UI"]), destination: "Staging", mode: .redeploy)))
            #expect(again.child("Web UI")?.release?.id == releaseID)
            #expect(again.child("Web UI")?.preview?.snapshotIsStale == !refresh)
        }
    }
}

extension ParameterMatrixTests {
    /// B5: Redeploy with nothing in the destination falls back to the channel, and says why truthfully.
    @Test func redeployWithoutADeploymentFallsBackTruthfully() async throws {
        try await SandboxHarness.run { sandbox in
            let plan = try await sandbox.engine().find(try Sample.options("Staging", mode: .redeploy))
            let webAPI = try #require(plan.child("Web API"))
            #expect(webAPI.messages.contains(PlanMessage(.info, "Web API has no successful deployment in Staging in channel Default; looking for the newest release in channel Default instead.")))
            #expect(webAPI.release?.version == "2021.1.0.15")
            #expect(!webAPI.messages.contains { $0.text.contains("optional") })
        }
    }

    /// B6: an explicit source without a qualifying deployment falls back to the channel, with a message that says so.
    @Test func explicitSourceFallbackSaysSo() async throws {
        try await SandboxHarness.run { sandbox in
            let plan = try await sandbox.engine().find(try Sample.options("Staging") { $0.source = "Production" })
            let webAPI = try #require(plan.child("Web API"))
            #expect(webAPI.sourceEnvironments.map(\.name) == ["Production"])
            #expect(webAPI.messages.contains(PlanMessage(.info, "No successful deployment in the given source environment qualified; looking for the newest release in channel Default instead.")))
            #expect(webAPI.release?.version == "2021.1.0.15")
        }
    }
}
