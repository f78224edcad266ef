import Foundation
import OctopusModel

/// What `find` read about the selected release and `whatif` needs again (notes, packages, the process snapshot), kept
/// in the plan so `whatif` does not fetch the release a second time. Nil in plans saved before it existed: `whatif`
/// then reads the release.
public struct ReleaseFacts: Codable, Hashable, Sendable {
    /// One package version selected for the release.
    public struct PackageVersion: Codable, Hashable, Sendable {
        public var actionName: String
        public var packageReferenceName: String?
        public var version: String
    }

    /// The release's notes (markdown).
    public var releaseNotes: String?
    /// Whether the release carries build information (then the notes come from the preview's changes, §5.24).
    public var hasBuildInformation: Bool
    /// The selected package versions.
    public var selectedPackages: [PackageVersion]
    /// The release's deployment process snapshot.
    public var processSnapshotId: String?

    /// The facts of a release resource.
    public init(_ release: Release) {
        releaseNotes = release.releaseNotes
        hasBuildInformation = !release.buildInformation.isEmpty
        selectedPackages = release.selectedPackages.map {
            PackageVersion(actionName: $0.actionName, packageReferenceName: $0.packageReferenceName, version: $0.version)
        }
        processSnapshotId = release.projectDeploymentProcessSnapshotId
    }
}
