import Foundation
import GRDB
import OctopusModel

/// `POST /api/{spaceId}/releases/create/v1` body (Executions API, 2022.3+). Clients send it in
/// PascalCase (TS) or camelCase (Go); both bind.
struct CreateReleaseV1Command: Decodable, Sendable {
    var projectName: String?
    var releaseVersion: String?
    var channelName: String?
    /// One version for every package of the process.
    var packageVersion: String?
    /// Per-package versions: `"StepName:Version"` or `"StepName:PackageReferenceName:Version"`.
    var packages: [String]?
    var releaseNotes: String?
    var ignoreIfAlreadyExists: Bool?
    var ignoreChannelRules: Bool?

    enum CodingKeys: String, PascalCaseCodingKey {
        case projectName, releaseVersion, channelName, packageVersion, packages, releaseNotes, ignoreIfAlreadyExists
        case ignoreChannelRules
    }
}

/// The Executions API's answer: the created (or, with `IgnoreIfAlreadyExists`, existing) release.
struct CreateReleaseV1Response: Encodable, Sendable {
    var releaseId: ReleaseID
    var releaseVersion: String

    enum CodingKeys: String, PascalCaseCodingKey {
        case releaseId, releaseVersion
    }
}

extension Database {
    /// Creates a release from names (project by name, slug or id; channel by name), choosing
    /// package versions from `PackageVersion`/`Packages` or else the last release's, and the
    /// version from the project's versioning template when none is given.
    func createReleaseV1(_ command: CreateReleaseV1Command, in space: SpaceID, now: Date) throws -> (Release, created: Bool) {
        guard let reference = command.projectName?.trimmingCharacters(in: .whitespaces), !reference.isEmpty else {
            throw SandboxError.validation(["ProjectName is required: the name, slug or id of the project."])
        }
        let scope = DocumentQuery.Condition.equals("spaceId", space.databaseValue)
        guard let project = try document(Project.self, id: reference).flatMap({ $0.spaceId == space ? $0 : nil })
            ?? documents(Project.self, DocumentQuery([scope, .textOneOf("name", [reference])])).first
            ?? documents(Project.self, DocumentQuery([scope, .textOneOf("slug", [reference])])).first
        else {
            throw SandboxError.validation(["Project '\(reference)' was not found in \(space). Check the name, slug or id."])
        }
        var channelID: String?
        if let name = command.channelName, !name.isEmpty {
            let channels = try documents(
                Channel.self, DocumentQuery([.equals("projectId", project.id.databaseValue), .textOneOf("name", [name])]))
            guard let channel = channels.first else {
                throw SandboxError.validation(["Channel '\(name)' was not found on project '\(project.name)'."])
            }
            channelID = channel.id.rawValue
        }
        let last = try documents(
            Release.self, DocumentQuery([.equals("projectId", project.id.databaseValue)], order: .newestFirst), take: 1
        ).first
        let version = command.releaseVersion.flatMap { $0.isEmpty ? nil : $0 }
            ?? VersionTemplate.next(after: last?.version, template: project.versioningStrategy?.template)
        if command.ignoreIfAlreadyExists == true,
            let existing = try documents(
                Release.self,
                DocumentQuery([.equals("projectId", project.id.databaseValue), .textOneOf("version", [version])])
            ).first
        {
            return (existing, false)
        }
        let packages = try selectedPackages(for: project, command: command, last: last)
        let release = try createRelease(
            CreateReleaseCommand(
                projectId: project.id.rawValue, channelId: channelID, version: version,
                releaseNotes: command.releaseNotes, selectedPackages: packages,
                ignoreChannelRules: command.ignoreChannelRules),
            in: space, now: now, ignoreChannelRules: false)
        return (release, true)
    }

    /// One selected package per package reference of the project's process.
    private func selectedPackages(for project: Project, command: CreateReleaseV1Command, last: Release?) throws
        -> [SelectedPackage]
    {
        guard let process = try document(DeploymentProcess.self, id: project.deploymentProcessId.rawValue) else {
            return []
        }
        var requested: [String: String] = [:]  // "step" or "step:reference" (lower case) -> version
        for entry in command.packages ?? [] {
            let parts = entry.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2 || parts.count == 3, let version = parts.last, !version.isEmpty else {
                throw SandboxError.validation([
                    "Package '\(entry)' should be written StepName:Version or StepName:PackageReferenceName:Version."
                ])
            }
            requested[parts.dropLast().joined(separator: ":").lowercased()] = version
        }
        var selected: [SelectedPackage] = []
        for step in process.steps {
            for action in step.actions {
                for package in action.packages {
                    let keys = [action.name, step.name].flatMap { name in
                        package.name.isEmpty ? [name.lowercased()] : ["\(name):\(package.name)".lowercased()]
                    }
                    let version = keys.compactMap { requested[$0] }.first ?? command.packageVersion
                        ?? last?.selectedPackages.first {
                            $0.actionName == action.name && ($0.packageReferenceName ?? "") == package.name
                        }?.version
                    guard let version else {
                        throw SandboxError.validation([
                            "No version was given for package '\(package.packageId)' of step '\(step.name)'. Pass PackageVersion or Packages."
                        ])
                    }
                    selected.append(
                        SelectedPackage(actionName: action.name, packageReferenceName: package.name, version: version))
                }
            }
        }
        return selected
    }
}
