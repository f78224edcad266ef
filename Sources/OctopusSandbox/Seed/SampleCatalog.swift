import Foundation
import GRDB
import OctopusModel

/// The parts of the sample space its other data implies (after the releases and tenants):
/// - the built-in feed's packages: every package version a release selected, published when the
///   release was built;
/// - the build information each release carries, as the build server pushed it;
/// - the tag sets of the tenants' tags (`Hosting`, `Tier`);
/// - the "Deploy Child Octopus Deploy Project" step template the parent's steps use.
enum SampleCatalog {
    static func apply(to db: Database, now: Date) throws {
        let space = SampleSeed.spaceID
        try packages(db, space: space)
        try tagSets(db, space: space, now: now)
        try db.insert(DeployChildProjectTemplate.make(space: space, now: now))
    }

    private static func packages(_ db: Database, space: SpaceID) throws {
        let releases = try db.documents(
            Release.self, DocumentQuery([.equals("spaceId", space.databaseValue)], order: .oldestFirst))
        var buildNumber = 0
        for release in releases {
            guard let processID = release.projectDeploymentProcessSnapshotId,
                let process = try db.document(DeploymentProcess.self, id: processID)
            else { continue }
            let actions = process.steps.flatMap(\.actions)
            for selected in release.selectedPackages {
                guard let action = actions.first(where: { $0.name == selected.actionName }),
                    let reference = action.packages.first(where: { $0.name == (selected.packageReferenceName ?? "") })
                else { continue }
                let package = FeedPackage(
                    packageId: reference.packageId, version: selected.version, space: space, published: release.assembled,
                    releaseNotes: release.releaseNotes)
                if try db.document(FeedPackage.self, id: package.id) == nil { try db.insert(package) }
            }
            for information in release.buildInformation {
                buildNumber += 1
                try db.insert(
                    PackageBuildInformation(
                        id: "BuildInformation-\(buildNumber)", spaceId: space, information: information,
                        created: release.assembled))
            }
        }
    }

    /// One tag set per prefix of the tenants' canonical tags, tags in the order first seen.
    private static func tagSets(_ db: Database, space: SpaceID, now: Date) throws {
        let tenants = try db.documents(
            Tenant.self, DocumentQuery([.equals("spaceId", space.databaseValue)], order: .oldestFirst))
        var sets: [(name: String, tags: [String])] = []
        for tag in tenants.flatMap(\.tenantTags) {
            let parts = tag.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            if let index = sets.firstIndex(where: { $0.name == parts[0] }) {
                if !sets[index].tags.contains(parts[1]) { sets[index].tags.append(parts[1]) }
            } else {
                sets.append((parts[0], [parts[1]]))
            }
        }
        let colors = ["#1F6FEB", "#2DA44E", "#BF8700", "#8250DF"]
        for (setIndex, set) in sets.enumerated() {
            let id = "TagSets-\(setIndex + 1)"
            try db.insert(
                TagSet(
                    id: id, spaceId: space, name: set.name, description: "The tenants' \(set.name.lowercased()).",
                    sortOrder: setIndex,
                    tags: set.tags.enumerated().map { tagIndex, tag in
                        TagSet.Tag(
                            id: "\(id)-\(tagIndex + 1)", name: tag, canonicalTagName: "\(set.name)/\(tag)",
                            color: colors[tagIndex % colors.count], description: "", sortOrder: tagIndex)
                    },
                    lastModifiedOn: now, lastModifiedBy: "system"))
        }
    }
}
