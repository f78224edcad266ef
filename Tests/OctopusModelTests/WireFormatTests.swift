import Foundation
import OctopusModel
import Testing

/// JSON keys and shapes against Octopus's public samples (octopus-api.md §4): PascalCase keys,
/// the paging envelope, the error body, property bags.
@Suite("Wire format")
struct WireFormatTests {
    static func keys(_ value: some Encodable) throws -> Set<String> {
        let object = try JSONSerialization.jsonObject(with: OctopusJSON.encode(value)) as? [String: Any]
        return Set(object?.keys ?? [:].keys)
    }

    static let space: SpaceID = "Spaces-1"

    @Test func projectHasTheSampleKeys() throws {
        let project = Project(
            id: "Projects-1", spaceId: Self.space, name: "Sample Project", description: "",
            projectGroupId: "ProjectGroups-1", lifecycleId: "Lifecycles-1", clonedFromProjectId: nil)
        #expect(project.slug == "sample-project")
        let keys = try Self.keys(project)
        // Keys present in the 2024.3 Port sample of a project (those the model carries).
        let sample: Set = [
            "Id", "SpaceId", "Name", "Slug", "Description", "ProjectGroupId", "LifecycleId", "DeploymentProcessId",
            "VariableSetId", "IsDisabled", "TenantedDeploymentMode", "DefaultGuidedFailureMode",
            "DiscreteChannelRelease", "IncludedLibraryVariableSetIds", "DefaultToSkipIfAlreadyInstalled",
            "AutoCreateRelease", "IsVersionControlled", "VersioningStrategy", "ReleaseCreationStrategy",
            "ProjectConnectivityPolicy", "PersistenceSettings", "Templates", "AutoDeployReleaseOverrides", "Links",
        ]
        #expect(sample.isSubset(of: keys), "missing: \(sample.subtracting(keys))")
    }

    @Test func releaseHasTheSampleKeys() throws {
        let release = Release(
            id: "Releases-44", spaceId: Self.space, projectId: "Projects-1", channelId: "Channels-1", version: "1.0.0",
            releaseNotes: "notes", assembled: Date(timeIntervalSince1970: 0),
            selectedPackages: [SelectedPackage(actionName: "Deploy", version: "1.0.0")],
            projectDeploymentProcessSnapshotId: "deploymentprocess-Projects-1-s-1",
            projectVariableSetSnapshotId: "variableset-Projects-1-s-1",
            buildInformation: [
                ReleasePackageVersionBuildInformation(
                    packageId: "App", version: "1.0.0", workItems: [WorkItemLink(id: "#1")],
                    commits: [CommitDetails(id: "abc")])
            ])
        let keys = try Self.keys(release)
        let sample: Set = [
            "Id", "SpaceId", "ProjectId", "ChannelId", "Version", "ReleaseNotes", "Assembled", "IgnoreChannelRules",
            "SelectedPackages", "ProjectDeploymentProcessSnapshotId", "ProjectVariableSetSnapshotId",
            "LibraryVariableSetSnapshotIds", "BuildInformation", "Links",
        ]
        #expect(sample.isSubset(of: keys), "missing: \(sample.subtracting(keys))")
        let json = String(decoding: try OctopusJSON.encode(release), as: UTF8.self)
        #expect(json.contains(#""Assembled":"1970-01-01T00:00:00.000+00:00""#))
        #expect(json.contains(##""Id":"#1""##))
        #expect(try OctopusJSON.decode(Release.self, from: OctopusJSON.encode(release)) == release)
    }

    /// A deployment read as its summary keeps the ids release selection uses; a missing id reads as a deployment's does.
    @Test func aDeploymentReadsAsItsSummary() throws {
        let deployment = Deployment(
            id: "Deployments-7", releaseId: "Releases-3", environmentId: "Environments-2", tenantId: "Tenants-1",
            projectId: "Projects-1", channelId: "Channels-1")
        let summary = try OctopusJSON.makeDecoder().decode(DeploymentSummary.self, from: OctopusJSON.encode(deployment))
        #expect(summary == DeploymentSummary(
            id: "Deployments-7", releaseId: "Releases-3", environmentId: "Environments-2", tenantId: "Tenants-1",
            channelId: "Channels-1"))
        let sparse = Data(#"{"ReleaseId":"Releases-3","EnvironmentId":"Environments-2"}"#.utf8)
        let partial = try OctopusJSON.makeDecoder().decode(DeploymentSummary.self, from: sparse)
        let full = try OctopusJSON.makeDecoder().decode(Deployment.self, from: sparse)
        #expect(partial.id == full.id && partial.channelId == full.channelId && partial.tenantId == nil)
    }

    @Test func unsetValuesAreWrittenAsNull() throws {
        let space = Space(id: "Spaces-1", name: "Default", description: nil)
        let object = try #require(try JSONSerialization.jsonObject(with: OctopusJSON.encode(space)) as? [String: Any])
        #expect(object["Description"] is NSNull)
        #expect(object["LastModifiedOn"] is NSNull)
        #expect(object["Slug"] is NSNull)
        let decoded = try OctopusJSON.decode(Space.self, from: OctopusJSON.encode(space))
        #expect(decoded == space)
    }

    /// Task-side resources use the synthesized encoding too: every key is written, unset ones as `null`.
    @Test func taskSideResourcesWriteUnsetValuesAsNull() throws {
        let deployment = try #require(try JSONSerialization.jsonObject(with: OctopusJSON.encode(Deployment())) as? [String: Any])
        #expect(deployment["TenantId"] is NSNull)
        #expect(deployment["QueueTime"] is NSNull)
        #expect(deployment["SpecificMachineIds"] as? [Any] != nil)
        let interruption = try #require(try JSONSerialization.jsonObject(with: OctopusJSON.encode(Interruption())) as? [String: Any])
        #expect(interruption["ResponsibleUserId"] is NSNull)
        #expect(interruption["ResponsibleTeamIds"] as? [Any] != nil)
        let artifact = try #require(try JSONSerialization.jsonObject(with: OctopusJSON.encode(Artifact())) as? [String: Any])
        #expect(artifact["ServerTaskId"] is NSNull)
        #expect(artifact["Filename"] as? String == "")
    }

    @Test func decodesASpaceAsTheServerSendsIt() throws {
        // Shape of the 2024.3 Port sample: extra keys the model does not carry are ignored.
        let json = """
            {"Id":"Spaces-1","Name":"Default","Slug":"default","Description":null,"IsDefault":true,
             "IsPrivate":false,"TaskQueueStopped":false,"SpaceManagersTeams":["teams-spacemanagers-Spaces-1"],
             "SpaceManagersTeamMembers":[],"Icon":null,"ExtensionSettings":[],"LastModifiedOn":null,
             "Links":{"Self":"/api/spaces/Spaces-1","SpaceHome":"/api/Spaces-1","Web":"/app#/spaces/Spaces-1"}}
            """
        let space = try OctopusJSON.decode(Space.self, from: Data(json.utf8))
        #expect(space.isDefault)
        #expect(space.links["SpaceHome"] == "/api/Spaces-1")
        #expect(space.spaceManagersTeams == ["teams-spacemanagers-Spaces-1"])
    }

    @Test func collectionEnvelopeKeys() throws {
        let page = ResourceCollection(
            itemType: "Environment", totalResults: 1, itemsPerPage: 30, numberOfPages: 1, lastPageNumber: 0,
            items: [DeploymentEnvironment(id: "Environments-1", spaceId: Self.space, name: "Dev")],
            links: ["Self": "/api/Spaces-1/environments"])
        #expect(try Self.keys(page) == ["ItemType", "TotalResults", "ItemsPerPage", "NumberOfPages", "LastPageNumber", "Items", "Links"])
        #expect(page.nextPageLink == nil)
    }

    @Test func errorBodyDecodesPartialBodies() throws {
        let minimal = try OctopusJSON.decode(OctopusErrorBody.self, from: Data(#"{"ErrorMessage":"Nope"}"#.utf8))
        #expect(minimal == OctopusErrorBody(errorMessage: "Nope"))
        let full = try OctopusJSON.decode(
            OctopusErrorBody.self,
            from: Data(#"{"ErrorMessage":"There was a problem with your request.","Errors":["a","b"],"FullException":"trace","HelpText":"h","Details":{"k":"v"}}"#.utf8))
        #expect(full.errors == ["a", "b"])
        #expect(full.details == ["k": "v"])
        #expect(try Self.keys(OctopusErrorBody(errorMessage: "x"))
            == ["ErrorMessage", "Errors", "FullException", "Details", "HelpText", "HelpLink"])
    }

    @Test func propertyBagsKeepPlainStringsAndDropSensitiveValues() throws {
        let json = #"{"Octopus.Action.TargetRoles":"web-server, api ,","Secret":{"HasValue":true,"NewValue":null}}"#
        let bag = try OctopusJSON.decode(PropertyBag.self, from: Data(json.utf8))
        #expect(bag.values == ["Octopus.Action.TargetRoles": "web-server, api ,"])
        #expect(bag.list(PropertyBag.targetRoles) == ["web-server", "api"])
        #expect(try OctopusJSON.decode(PropertyBag.self, from: OctopusJSON.encode(bag)) == bag)
    }

    @Test func manualInterventionActionsExposeTeamsAndEnvironments() {
        let action = DeploymentAction(
            id: "a", name: "QA Approval", actionType: "Octopus.Manual", environments: ["Environments-5"],
            properties: [PropertyBag.manualResponsibleTeamIds: "Teams-2,teams-managers"])
        #expect(action.isManualIntervention)
        #expect(action.responsibleTeamIds == ["Teams-2", "teams-managers"])
        #expect(action.runs(in: "Environments-5"))
        #expect(!action.runs(in: "Environments-1"))
    }

    @Test(arguments: [("Web API", "web-api"), ("Release Orchestration", "release-orchestration"), ("  A--B  c ", "a-b-c"), ("Prod Approval", "prod-approval")])
    func slugs(name: String, slug: String) {
        #expect(Project.slug(for: name) == slug)
    }
}
