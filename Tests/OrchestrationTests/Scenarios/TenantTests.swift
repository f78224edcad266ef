import Foundation
import OctopusClient
import OctopusModel
import OctopusSandbox
import Orchestration
import Testing

/// Tenants against the sample sandbox (§5.8, §5.9, §5.13 per tenant, §5.22, §5.29). The seed's tenants: Acme Corp
/// (Web API in Test, Staging, Production), Globex (Web API in Test and Staging), Initech (Database only); Web API
/// allows tenanted and untenanted deployments, the other projects are untenanted.
@Suite(.serialized)
struct TenantScenarioTests {
    static func options(_ application: String, to destination: String, tenant: String?) throws -> PromotionOptions {
        var options = PromotionOptions(application: try Application(parsing: application), destination: destination)
        options.tenant = tenant
        return options
    }

    /// Deploys a release for a tenant and moves the clock until its task ends.
    static func deployForTenant(_ sandbox: SandboxHarness, _ release: ReleaseID, to environment: EnvironmentID, tenant: TenantID) async throws -> Deployment {
        let deployment = try await sandbox.client.createDeployment(Deployment(releaseId: release, environmentId: environment, tenantId: tenant))
        let taskId = try #require(deployment.taskId)
        for _ in 0..<200 {
            if try await sandbox.client.task(taskId).isCompleted { return deployment }
            sandbox.clock.advance(by: 30)
        }
        throw CancellationError()
    }

    /// The release is the tenant's last successful one in the source (13, though Test runs 14 untenanted), and the
    /// child deployment carries the tenant; a second find says it is current for the tenant.
    @Test func tenantedPromotionTakesTheTenantsReleaseAndDeploysForTheTenant() async throws {
        try await SandboxHarness.run { sandbox in
            let release13 = try #require(SampleSeed.releaseID(project: SampleSeed.Projects.webAPI, version: "2021.1.0.13"))
            let earlier = try await Self.deployForTenant(sandbox, release13, to: SampleSeed.Environments.test, tenant: SampleTenants.acme)
            #expect(try await sandbox.client.task(try #require(earlier.taskId)).state == .success)

            let wes = try sandbox.person(SampleSeed.webAdminAPIKey)
            let engine = sandbox.engine(onSleep: { try await wes.approvePending() })
            let options = try Self.options("Web API", to: "Staging", tenant: "acme corp")
            let (plan, requests) = try await sandbox.serverRequests { try await engine.find(options) }
            #expect(plan.tenant == NamedReference(id: SampleTenants.acme, name: "Acme Corp"))
            let webAPI = try #require(plan.child("Web API"))
            #expect(webAPI.tenant?.id == SampleTenants.acme)
            #expect(webAPI.release?.version == "2021.1.0.13")
            #expect(webAPI.action == .deploy)
            // 3 shared (environments, projects, tenant) + lifecycle + channels + deployments + releases + template +
            // the tenant's current release in Staging.
            #expect(requests <= 9, "find made \(requests) requests")

            let finished = try await engine.promote(options)
            let deploymentId = try #require(finished.child("Web API")?.deployment?.deploymentId)
            #expect(try await sandbox.client.deployment(deploymentId).tenantId == SampleTenants.acme)
            #expect(finished.child("Web API")?.outcome == .success)

            let again = try await engine.find(options)
            #expect(again.child("Web API")?.action == .skip(.alreadyCurrent))
            // Another tenant's sources are its own: Globex has no successful deployment in Test.
            let globex = try await engine.find(try Self.options("Web API", to: "Staging", tenant: "Globex"))
            #expect(globex.child("Web API")?.action == .skip(.noRelease))
            #expect(globex.child("Web API")?.tenant?.id == SampleTenants.globex)
        }
    }

    /// §5.13.2 step 1: a tenant connected to the destination but to none of the source environments takes the latest
    /// release there regardless of tenant (14 in Test), while the destination's current release is the tenant's (none):
    /// one extra request for it.
    @Test func tenantNotInTheSourcesTakesTheLatestReleaseRegardlessOfTenant() async throws {
        try await SandboxHarness.run { sandbox in
            let stagingOnly = Tenant(
                id: "Tenants-4", spaceId: SampleSeed.spaceID, name: "Hooli",
                projectEnvironments: [SampleSeed.Projects.webAPI: [SampleSeed.Environments.staging]])
            try await sandbox.server.store.insert(stagingOnly)
            let engine = sandbox.engine()
            let (plain, plainRequests) = try await sandbox.serverRequests { try await engine.find(try Self.options("Web API", to: "Staging", tenant: nil)) }
            let (plan, requests) = try await sandbox.serverRequests { try await engine.find(try Self.options("Web API", to: "Staging", tenant: "Hooli")) }
            let webAPI = try #require(plan.child("Web API"))
            #expect(webAPI.tenant?.name == "Hooli")
            #expect(webAPI.release?.version == "2021.1.0.14")
            #expect(webAPI.release == plain.child("Web API")?.release)
            #expect(webAPI.action == .deploy)
            #expect(webAPI.messages.contains(PlanMessage(.info, "The tenant Hooli is not connected to Web API in the source environment(s); the latest release there is used regardless of tenant.")))
            // The tenant lookup and the tenant's current release in Staging.
            #expect(requests == plainRequests + 2, "tenanted \(requests), untenanted \(plainRequests)")
        }
    }

    /// §5.9: an untenanted project drops the tenant and is deployed untenanted, with the same release as without it.
    @Test func untenantedProjectDropsTheTenant() async throws {
        try await SandboxHarness.run { sandbox in
            let engine = sandbox.engine()
            let tenanted = try await engine.find(try Self.options("Database", to: "Staging", tenant: "Acme Corp"))
            let plain = try await engine.find(try Self.options("Database", to: "Staging", tenant: nil))
            let database = try #require(tenanted.child("Database"))
            #expect(database.tenant == nil)
            #expect(database.release == plain.child("Database")?.release)
            #expect(database.action == .deploy)
            #expect(database.messages.contains(PlanMessage(.info, "Database is not tenanted, so it is deployed untenanted although the tenant Acme Corp was given.")))
        }
    }

    /// §5.9 and §6: a tenant not connected to the project, or not in the destination, skips the child with empty
    /// outputs, and nothing is deployed.
    @Test(arguments: [
        ("Initech", "Staging", "The tenant Initech is not connected to Web API. Skipping Web API."),
        ("Globex", "Production", "The tenant Globex is connected to Web API, but not in the environment Production. Skipping Web API."),
    ])
    func tenantNotConnectedSkipsWithEmptyOutputs(tenant: String, destination: String, message: String) async throws {
        try await SandboxHarness.run { sandbox in
            let plan = try await sandbox.engine().promote(try Self.options("Web API", to: destination, tenant: tenant))
            let webAPI = try #require(plan.child("Web API"))
            #expect(webAPI.action == .skip(.tenantNotConnected))
            #expect(webAPI.outputs == .noRelease)
            #expect(webAPI.deployment == nil)
            #expect(webAPI.messages.contains(PlanMessage(.highlight, message)))
        }
    }

    /// Departure: a `Tenanted` child without a tenant stops `find` with the fix, before anything is deployed.
    @Test func tenantedProjectWithoutATenantStopsFind() async throws {
        try await SandboxHarness.run { sandbox in
            var webAPI = try #require(try await sandbox.server.store.document(Project.self, id: SampleSeed.Projects.webAPI.rawValue))
            webAPI.tenantedDeploymentMode = .tenanted
            try await sandbox.server.store.save(webAPI)
            let before = try await sandbox.client.deployments().all().count
            await #expect(throws: OrchestrationError.tenantRequired(project: "Web API")) {
                _ = try await sandbox.engine().promote(try Self.options("Database then Web API", to: "Staging", tenant: nil))
            }
            #expect(try await sandbox.client.deployments().all().count == before, "nothing was deployed")
            let message = "\(OrchestrationError.tenantRequired(project: "Web API"))"
            #expect(message == "Web API can only be deployed for a tenant. Name the tenant to deploy it for, or allow untenanted deployments of Web API.")
        }
    }

    @Test func unknownTenantIsAnErrorWithSuggestions() async throws {
        try await SandboxHarness.run { sandbox in
            await #expect {
                _ = try await sandbox.engine().find(try Self.options("Web API", to: "Staging", tenant: "Acme"))
            } throws: { error in
                "\(error)" == "No tenant named 'Acme'. Did you mean 'Acme Corp'?"
            }
        }
    }

    /// §5.29 when picking the approval deployment: another tenant's parent deployment is ignored, untenanted ones are
    /// accepted, and the approval tenant's own is taken when it is the latest.
    @Test func approvalDeploymentFollowsTheApprovalTenant() async throws {
        try await SandboxHarness.run { sandbox in
            try await sandbox.approveParentInProdApproval()  // untenanted: Olivia, Quinn and Wes approve
            // The parent also deploys for Globex; Riley (in every approving team) approves that one, later.
            try await sandbox.server.store.write { db in
                var parent = try #require(try db.document(Project.self, id: SampleSeed.Projects.releaseOrchestration.rawValue))
                parent.tenantedDeploymentMode = .tenantedOrUntenanted
                try db.save(parent)
                var globex = try #require(try db.document(Tenant.self, id: SampleTenants.globex.rawValue))
                globex.projectEnvironments[SampleSeed.Projects.releaseOrchestration.rawValue] = [SampleSeed.Environments.staging, SampleSeed.Environments.prodApproval]
                try db.save(globex)
            }
            for team in [SampleSeed.Teams.qa, SampleSeed.Teams.webAdmins, SampleSeed.Teams.businessOwners] {
                try await sandbox.addMember(SampleSeed.Users.releaseManager, to: team)
            }
            let riley = try sandbox.person(SampleSeed.releaseManagerAPIKey)
            let parentRelease = try #require(SampleSeed.releaseID(project: SampleSeed.Projects.releaseOrchestration, version: SampleSeed.orchestrationReleaseVersion))
            let forGlobex = try await sandbox.client.createDeployment(
                Deployment(releaseId: parentRelease, environmentId: SampleSeed.Environments.prodApproval, tenantId: SampleTenants.globex))
            let taskId = try #require(forGlobex.taskId)
            for _ in 0..<200 where try await !sandbox.client.task(taskId).isCompleted {
                try await riley.approvePending()
                sandbox.clock.advance(by: 30)
            }
            try #require(try await sandbox.client.task(taskId).state == .success)

            let engine = sandbox.engine()
            for (tenant, approvalTenant, approvers) in [
                ("Acme Corp", nil, ["olivia", "quinn", "wes"]),
                ("Acme Corp", "Globex", ["riley"]),
                ("Globex", nil, ["riley"]),
                (nil, "Globex", ["riley"]),  // untenanted run: no approval tenant, the latest deployment
            ] as [(String?, String?, [String])] {
                var options = Sample.withParentApprovals(try Self.options("Database", to: "Production", tenant: tenant))
                options.approvalTenant = approvalTenant
                let approved = try await engine.approve(try await engine.find(options))
                #expect(approved.approvals?.approvers.map(\.username).sorted() == approvers, "\(tenant ?? "-") / \(approvalTenant ?? "-")")
            }
        }
    }

    /// §5.29: the approval tenant defaults to the deployment tenant; another name is looked up; untenanted parent
    /// deployments supply approvers to any tenant; an unknown approval tenant is an error.
    @Test func approvalTenant() async throws {
        try await SandboxHarness.run { sandbox in
            try await sandbox.approveParentInProdApproval()
            let engine = sandbox.engine()
            var costs: [String: Int] = [:]
            for approvalTenant in [nil, "#{Octopus.Deployment.Tenant.Name}", "ACME CORP", "Globex"] {
                var options = Sample.withParentApprovals(try Self.options("Database", to: "Production", tenant: "Acme Corp"))
                options.approvalTenant = approvalTenant
                let found = try await engine.find(options)
                let (approved, requests) = try await sandbox.serverRequests { try await engine.approve(found) }
                #expect(approved.approvals?.approvers.count == 3, "\(approvalTenant ?? "nil")")
                costs[approvalTenant ?? "nil"] = requests
            }
            // Only another tenant's name costs a lookup.
            let base = try #require(costs["nil"])
            #expect(costs == ["nil": base, "#{Octopus.Deployment.Tenant.Name}": base, "ACME CORP": base, "Globex": base + 1])
            var unknown = Sample.withParentApprovals(try Self.options("Database", to: "Production", tenant: "Acme Corp"))
            unknown.approvalTenant = "Umbrella"
            let found = try await engine.find(unknown)
            await #expect {
                _ = try await engine.approve(found)
            } throws: { error in
                "\(error)".hasPrefix("No tenant named 'Umbrella'.")
            }
        }
    }
}
