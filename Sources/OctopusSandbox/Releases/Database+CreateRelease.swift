import Foundation
import GRDB
import OctopusModel

/// `POST /releases` body (`ReleaseResource` fields a client sends; keys bound case-insensitively).
struct CreateReleaseCommand: Decodable, Sendable {
    var projectId: String?
    var channelId: String?
    var version: String?
    var releaseNotes: String?
    var selectedPackages: [SelectedPackage]?
    var ignoreChannelRules: Bool?

    enum CodingKeys: String, PascalCaseCodingKey {
        case projectId, channelId, version, releaseNotes, selectedPackages, ignoreChannelRules
    }
}

extension Database {
    /// Creates a release the way Octopus does: validates it (Octopus's own messages), picks the
    /// default channel when none is given, freezes the project's process and variables into
    /// snapshots, and copies the build information of earlier releases with the same package
    /// versions.
    func createRelease(_ command: CreateReleaseCommand, in space: SpaceID, now: Date, ignoreChannelRules: Bool)
        throws -> Release
    {
        guard let projectID = command.projectId, !projectID.isEmpty else {
            throw SandboxError.validation(["No project ID was specified."])
        }
        guard let project = try document(Project.self, id: projectID), project.spaceId == space else {
            throw SandboxError.resourceNotFound(kind: "Project", id: projectID)
        }
        guard !project.isDisabled else {
            throw SandboxError.validation(["The project is disabled, so releases cannot be created."])
        }
        guard let version = command.version?.trimmingCharacters(in: .whitespaces), !version.isEmpty else {
            throw SandboxError.validation(["Please provide a version number for the release."])
        }
        // The API description caps ReleaseResource.Version at 349 characters (conformance finding).
        guard version.count <= 349 else {
            throw SandboxError.validation(["The field Version must be a string with a maximum length of 349."])
        }
        guard ChannelVersionRules.Version(version) != nil else {
            throw SandboxError.validation([
                "The release number '\(version)' does not appear to be a valid version number. Please use a format like 1.0.0 or 1.0.0-beta."
            ])
        }
        let channel = try releaseChannel(command.channelId, project: project)
        let existing = try count(
            Release.self,
            DocumentQuery([.equals("projectId", project.id.databaseValue), .textOneOf("version", [version])]))
        guard existing == 0 else {
            throw SandboxError.validation([
                "Release '\(version)' already exists for this project. Please use a different version, or look at using a mask to auto-increment the number."
            ])
        }
        let packages = command.selectedPackages ?? []
        if packages.contains(where: { $0.version.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw SandboxError.validation(["A version must be specified for every included package."])
        }
        let skipRules = ignoreChannelRules || (command.ignoreChannelRules ?? false)
        let broken = ChannelVersionRules.violations(of: packages, channel: channel)
        if !skipRules && !broken.isEmpty {
            throw SandboxError.validation([
                "The requested package versions for the following steps violate the channel version rules: \(broken.joined(separator: ", ")). Please check the version rules on the channel '\(channel.name)', or provide the `ignoreChannelRules` parameter to override this check."
            ])
        }
        let id = try nextID(OctopusIDKinds.Release.self)
        let suffix = "s-\(id.number ?? 0)"
        var processSnapshot: String?
        if var process = try document(DeploymentProcess.self, id: project.deploymentProcessId.rawValue) {
            process.id = DeploymentProcessID("\(process.id.rawValue)-\(suffix)")
            processSnapshot = process.id.rawValue
            try insert(process)
        }
        var variableSnapshot: String?
        if var variables = try document(VariableSet.self, id: project.variableSetId.rawValue) {
            variables.id = "\(variables.id)-\(suffix)"
            variableSnapshot = variables.id
            try insert(variables)
        }
        let release = Release(
            id: id, spaceId: space, projectId: project.id, channelId: channel.id, version: version,
            releaseNotes: command.releaseNotes, assembled: now, ignoreChannelRules: skipRules,
            selectedPackages: packages, projectDeploymentProcessSnapshotId: processSnapshot,
            projectVariableSetSnapshotId: variableSnapshot,
            buildInformation: try knownBuildInformation(for: packages, project: project.id),
            lastModifiedOn: now)
        try insert(release)
        return release
    }

    /// The named channel (which must belong to the project), or the project's default channel.
    private func releaseChannel(_ channelID: String?, project: Project) throws -> Channel {
        if let channelID, !channelID.isEmpty {
            guard let channel = try document(Channel.self, id: channelID) else {
                throw SandboxError.resourceNotFound(kind: "Channel", id: channelID)
            }
            guard channel.projectId == project.id else {
                throw SandboxError.validation([
                    "The channel \(channel.name) specified for this release belongs to the project \(channel.projectId). It does not belong to the same project as the release."
                ])
            }
            return channel
        }
        let channels = try documents(Channel.self, DocumentQuery([.equals("projectId", project.id.databaseValue)]))
        guard let channel = channels.first(where: \.isDefault) ?? (channels.count == 1 ? channels.first : nil) else {
            throw SandboxError.validation([
                "A channelId must be provided for a release when more than one exists for that project and no default channel has been specified."
            ])
        }
        return channel
    }

    /// Build information already recorded for these package versions by earlier releases of the project.
    private func knownBuildInformation(for packages: [SelectedPackage], project: ProjectID) throws
        -> [ReleasePackageVersionBuildInformation]
    {
        guard !packages.isEmpty else { return [] }
        let versions = Set(packages.map(\.version))
        let earlier = try documents(Release.self, DocumentQuery([.equals("projectId", project.databaseValue)]))
        var seen = Set<String>()
        return earlier.flatMap(\.buildInformation).filter {
            versions.contains($0.version) && seen.insert("\($0.packageId)@\($0.version)").inserted
        }
    }
}
