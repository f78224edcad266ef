import Foundation
import OctopusClient
import OctopusModel
import OctopusSandbox
import Orchestration
import Testing

/// Departure B8: the parent orchestration project lives in another space than its children.
@Suite(.serialized)
struct CrossSpaceApprovalTests {
    /// The parent release 2021.1.0 is approved in Prod Approval (Olivia, Quinn and Wes proceed its interventions),
    /// then the parent project with its release, deployments, tasks, interruptions and events moves to a second space
    /// "Release Orchestration" with its own Prod Approval. Named by `parentSpace`, the approvers are found there and the
    /// children's interventions in Production are auto-approved; without it the parent is not found in the children's
    /// space.
    @Test func approversAreFoundInTheParentsSpace() async throws {
        try await SandboxHarness.run { sandbox in
            try await sandbox.promoteChildrenToStaging()
            try await sandbox.approveParentInProdApproval()
            let parentSpace = try await sandbox.moveParentToAnotherSpace(named: "Release Orchestration")
            for team in [SampleSeed.Teams.qa, SampleSeed.Teams.webAdmins] {
                try await sandbox.addMember(SampleSeed.Users.releaseConductor, to: team)
            }
            let engine = sandbox.engine()
            let inChildSpace = Sample.withParentApprovals(try Sample.options("Production"))
            let notInChildSpace = await #expect(throws: OrchestrationError.self) {
                try await engine.approve(try await engine.find(inChildSpace))
            }
            guard case .notFound(let kind, let name, _)? = notInChildSpace else {
                Issue.record("expected the parent project not to be found in the children's space: \(String(describing: notInChildSpace))")
                return
            }
            #expect(kind == "parent project" && name == "Release Orchestration")

            var options = inChildSpace
            options.parentSpace = "Release Orchestration"
            let (plan, events) = try await collectingEvents { progress in try await engine.promote(options, progress: progress) }
            guard case .parentDeployment(let project, _, let environment, let taskId, let space, let link)? = plan.approvals?.source else {
                Issue.record("expected approvals from the parent deployment")
                return
            }
            #expect(project == "Release Orchestration" && environment == "Prod Approval")
            #expect(space == parentSpace)
            #expect(link.hasSuffix("/app#/\(parentSpace.rawValue)/tasks/\(taskId.rawValue)"))
            Sample.expectParentApprovalsApplied(plan, events: events)
            let webUI = try #require(plan.child("Web UI")?.deployment)
            let qa = try #require(try await sandbox.client.interruptions(regarding: webUI.taskId.rawValue).all().first { $0.title == "QA Approval" })
            #expect(qa.responsibleUserId == SampleSeed.Users.releaseConductor)
            #expect((qa.form.values["Notes"] ?? nil)?.contains("/app#/\(parentSpace.rawValue)/tasks/\(taskId.rawValue)") == true)
        }
    }
}

extension SandboxHarness {
    /// Moves the parent project Release Orchestration, with its group, channels, releases, deployments, their tasks,
    /// interruptions and events, into a new space named `name` that has its own Prod Approval environment (the moved
    /// deployments point at it) and a Release Management team with the Release Conductor in it. Returns the space.
    func moveParentToAnotherSpace(named name: String) async throws -> SpaceID {
        let now = clock.now
        return try await server.store.write { db in
            let space = try db.nextID(OctopusIDKinds.Space.self)
            try db.insert(Space(id: space, name: name, slug: name.lowercased().replacingOccurrences(of: " ", with: "-"),
                                isDefault: false, lastModifiedOn: now, lastModifiedBy: "system"))
            let team = try db.nextID(OctopusIDKinds.Team.self)
            try db.insert(Team(id: team, spaceId: space, name: "Release Management",
                               memberUserIds: [SampleSeed.Users.releaseConductor], lastModifiedOn: now))
            try db.grant(SandboxPermission.releaseManager, to: team, in: space)

            guard var environment = try db.document(DeploymentEnvironment.self, id: SampleSeed.Environments.prodApproval.rawValue) else {
                throw SandboxError.resourceNotFound(kind: "Environment", id: SampleSeed.Environments.prodApproval.rawValue)
            }
            environment.id = try db.nextID(OctopusIDKinds.Environment.self)
            environment.spaceId = space
            try db.insert(environment)

            let parent = SampleSeed.Projects.releaseOrchestration
            guard var project = try db.document(Project.self, id: parent.rawValue) else {
                throw SandboxError.resourceNotFound(kind: "Project", id: parent.rawValue)
            }
            project.spaceId = space
            try db.save(project)
            if var group = try db.document(ProjectGroup.self, id: project.projectGroupId.rawValue) {
                group.spaceId = space
                try db.save(group)
            }
            for var channel in try db.documents(Channel.self) where channel.projectId == parent {
                channel.spaceId = space
                try db.save(channel)
            }
            var moved: Set<String> = [parent.rawValue]
            for var release in try db.documents(Release.self) where release.projectId == parent {
                release.spaceId = space
                try db.save(release)
                moved.insert(release.id.rawValue)
            }
            for var deployment in try db.documents(Deployment.self) where deployment.projectId == parent {
                deployment.spaceId = space
                if deployment.environmentId == SampleSeed.Environments.prodApproval { deployment.environmentId = environment.id }
                try db.save(deployment)
                moved.insert(deployment.id.rawValue)
                guard let taskId = deployment.taskId, var task = try db.document(ServerTask.self, id: taskId.rawValue) else { continue }
                task.spaceId = space
                try db.save(task)
                moved.insert(taskId.rawValue)
            }
            for var interruption in try db.documents(Interruption.self) where interruption.taskId.map({ moved.contains($0.rawValue) }) == true {
                interruption.spaceId = space
                try db.save(interruption)
            }
            for var event in try db.documents(Event.self) where !moved.isDisjoint(with: event.relatedDocumentIds) {
                event.spaceId = space
                try db.save(event)
            }
            return space
        }
    }
}
