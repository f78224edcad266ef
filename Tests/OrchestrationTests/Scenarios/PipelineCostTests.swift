import Foundation
import OctopusClient
import OctopusModel
import OctopusSandbox
import Orchestration
import Testing

/// Request costs of the pipelined find and whatif (issue 10), counted by the sandbox: shared lookups once per run, no
/// refetching between find and whatif, and a child's cost that does not grow with its history.
@Suite(.serialized)
struct PipelineCostTests {
    /// The sample's 4 children, Test → Staging, find + whatif: 3 shared lookups (environments, projects, channels), 1
    /// lifecycle, per child 3 in find (deployments page, release batch, template) and 2 in whatif (preview, process
    /// snapshot), and the responsible teams once.
    @Test func sampleFindAndWhatIf() async throws {
        try await SandboxHarness.run { sandbox in
            let engine = sandbox.engine(concurrency: 16)
            let (plan, found) = try await sandbox.serverRequests { try await engine.find(try Sample.options("Staging")) }
            let (previewed, previewing) = try await sandbox.serverRequests { try await engine.whatIf(plan) }
            #expect(previewed.deployable.count == 4)
            #expect(found == 3 + 1 + 3 * 4)
            #expect(previewing == 2 * 4 + 1)
            // promote's pipeline (find and whatif per child) costs the same.
            var options = try Sample.options("Staging")
            options.whatIf = true
            let (promoted, promoting) = try await sandbox.serverRequests { try await engine.promote(options) }
            #expect(promoting == found + previewing)
            #expect(promoted.children.map(\.outputs) == previewed.children.map(\.outputs))
        }
    }

    /// 50 children with long histories (200 deployments each; what-if, all already current in Staging): 3 shared + 1 lifecycle + 3 per child.
    @Test func fiftyChildrenWithLongHistories() async throws {
        try await SandboxHarness.run(seed: .large, largeSeed: LargeSeedParameters(projects: 50, releasesPerProject: 40, deploymentsPerProject: 200)) { sandbox in
            var options = PromotionOptions(application: Application(stages: [(1...50).map { "Generated Service \($0)" }]), destination: "Staging")
            options.whatIf = true
            let (plan, served) = try await sandbox.serverRequests { try await sandbox.engine(concurrency: 16).promote(options) }
            #expect(plan.children.count == 50)
            #expect(plan.children.allSatisfy { $0.release != nil })
            #expect(plan.children.allSatisfy { $0.action == .skip(.alreadyCurrent) })
            #expect(served == 3 + 1 + 3 * 50, "\(served) requests")
        }
    }

    /// Long histories, a blank pattern: the newest candidate decides, so a child's release batch asks for it and the
    /// destination's current release only, and its deployments page is short (`take=10`); with a pattern every
    /// candidate of the page is asked for, to find the newest that matches. Same request counts either way.
    @Test func theFirstCandidateIsReadAloneWhenItDecides() async throws {
        try await SandboxHarness.run(seed: .large, largeSeed: LargeSeedParameters(projects: 3, releasesPerProject: 40, deploymentsPerProject: 200)) { sandbox in
            let names = (1...3).map { "Generated Service \($0)" }
            func batches(pattern: String) async throws -> (plan: PromotionPlan, ids: [[String]], pages: [String]) {
                let options = PromotionOptions(application: Application(stages: [names]), destination: "Staging", releasePattern: try VersionPattern(pattern))
                let (plan, sent) = try await sandbox.transport.counting { try await sandbox.engine().find(options) }
                let ids = sent.filter { $0.contains("/releases?") && $0.contains("ids=") }.map { line in
                    let query = URLComponents(string: String(line.split(separator: " ")[1]))?.queryItems ?? []
                    return (query.first { $0.name == "ids" }?.value ?? "").split(separator: ",").map(String.init)
                }
                return (plan, ids, sent.filter { $0.contains("/deployments?") })
            }
            let blank = try await batches(pattern: "")
            #expect(blank.plan.children.allSatisfy { $0.release != nil })
            #expect(blank.ids.count == 3)
            #expect(blank.ids.allSatisfy { (1...2).contains(Set($0).count) }, "\(blank.ids)")
            #expect(blank.pages.count == 3 && blank.pages.allSatisfy { $0.contains("take=10") }, "\(blank.pages)")
            let patterned = try await batches(pattern: "*")
            #expect(patterned.plan.children.map(\.release) == blank.plan.children.map(\.release))
            #expect(patterned.ids.count == 3)
            #expect(patterned.ids.allSatisfy { Set($0).count > 2 }, "\(patterned.ids)")
        }
    }

    /// N children that all deploy: find + whatif ≤ 5·N + 10.
    @Test func childrenThatAllDeploy() async throws {
        let count = 12
        try await SandboxHarness.run(seed: .large, largeSeed: LargeSeedParameters(projects: count, releasesPerProject: 30, deploymentsPerProject: 120)) { sandbox in
            let names = (1...count).map { "Generated Service \($0)" }
            let projects = try await sandbox.client.allProjects()
            for name in names {
                let project = try #require(projects.first { $0.name == name })
                let release = try await sandbox.createRelease(project.id, version: "2022.1.0.0")
                try #require(try await sandbox.deployToEnd(release.id, to: SampleSeed.Environments.development).state == .success)
                try #require(try await sandbox.deployToEnd(release.id, to: SampleSeed.Environments.test).state == .success)
            }
            let engine = sandbox.engine(concurrency: 16)
            let options = PromotionOptions(application: Application(stages: [names]), destination: "Staging")
            let (plan, found) = try await sandbox.serverRequests { try await engine.find(options) }
            let (previewed, previewing) = try await sandbox.serverRequests { try await engine.whatIf(plan) }
            #expect(previewed.deployable.count == count)
            #expect(previewed.children.allSatisfy { $0.release?.version == "2022.1.0.0" })
            #expect(found == 3 + 1 + 3 * count)
            #expect(previewing == 2 * count)  // no interventions: no teams to name
            #expect(found + previewing <= 5 * count + 10, "find \(found) + whatif \(previewing)")
        }
    }

    /// The worst case: a source holding many releases, none of which may go to the destination. The cost is the same
    /// whatever the history's length, and within 8 requests for the child.
    @Test func noPromotableReleaseWhateverTheHistory() async throws {
        var costs: [Int] = []
        for deployments in [300, 3000] {
            costs.append(try await SandboxHarness.run(seed: .large, largeSeed: LargeSeedParameters(projects: 0, unpromotableDeployments: deployments)) { sandbox in
                let options = PromotionOptions(application: Application(stages: [["Unpromotable Service"]]), destination: "Staging")
                let (plan, served) = try await sandbox.serverRequests { try await sandbox.engine().find(options) }
                let child = try #require(plan.child("Unpromotable Service"))
                #expect(child.release == nil)
                #expect(child.action == .skip(.noRelease))
                // 3 shared + 1 lifecycle, then for the child: deployments page, release batch, current release, one
                // template, the progression (which rules out every other candidate without a request).
                #expect(served - 4 <= 8, "\(served) requests")
                return served
            })
        }
        #expect(costs[0] == costs[1], "the same at every history length: \(costs)")
        #expect(costs[0] == 4 + 5)
    }
}
