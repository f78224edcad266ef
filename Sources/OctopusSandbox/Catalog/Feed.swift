import Foundation
import OctopusModel

/// A package feed (`FeedResource`). The sandbox has Octopus's built-in feed, `feeds-builtin`, in
/// every space: the sample's processes take their packages from it.
struct Feed: Codable, Sendable, Equatable {
    var id: String
    var spaceId: SpaceID
    var name: String
    /// `BuiltIn`, `NuGet`, `Docker`, ...
    var feedType: String
    var packageAcquisitionLocationOptions: [String]
    var lastModifiedOn: Date?
    var lastModifiedBy: String?
    var links: Links = [:]

    /// The built-in feed of `space`.
    static func builtIn(in space: SpaceID, now: Date) -> Feed {
        Feed(
            id: "feeds-builtin", spaceId: space, name: "Octopus Server (built-in)", feedType: "BuiltIn",
            packageAcquisitionLocationOptions: ["Server", "ExecutionTarget"], lastModifiedOn: now,
            lastModifiedBy: "system")
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, spaceId, name, feedType, packageAcquisitionLocationOptions, lastModifiedOn, lastModifiedBy, links
    }
}

/// A package version in the built-in feed (`PackageFromBuiltInFeedResource`); the feed's
/// `packages/versions` list shows the same packages as `PackageVersionResource`s. The sandbox
/// keeps what a release needs to know of a package, not its file: no size, hash or raw content.
struct FeedPackage: Codable, Sendable, Equatable {
    /// `packages-<PackageId>.<Version>`, as Octopus names built-in packages.
    var id: String
    var spaceId: SpaceID
    var packageId: String
    var version: String
    var feedId: String
    var title: String
    var summary: String
    var description: String
    var releaseNotes: String?
    var published: Date
    var fileExtension: String
    var lastModifiedOn: Date?
    var lastModifiedBy: String?
    var links: Links = [:]

    init(packageId: String, version: String, space: SpaceID, published: Date, releaseNotes: String?) {
        id = "packages-\(packageId).\(version)"
        spaceId = space
        self.packageId = packageId
        self.version = version
        feedId = "feeds-builtin"
        title = packageId
        summary = "\(packageId) \(version), built by the sample application's pipeline."
        description = summary
        self.releaseNotes = releaseNotes
        self.published = published
        fileExtension = ".zip"
        lastModifiedOn = published
        lastModifiedBy = "release-conductor"
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, spaceId, packageId, version, feedId, title, summary, description, releaseNotes, published
        case fileExtension, lastModifiedOn, lastModifiedBy, links
    }
}

/// One entry of `GET /feeds/{id}/packages/versions` (`PackageVersionResource`).
struct PackageVersion: Codable, Sendable, Equatable {
    var id: String
    var packageId: String
    var feedId: String
    var version: String
    var title: String
    var published: Date
    var releaseNotes: String?
    var links: Links

    init(_ package: FeedPackage) {
        id = package.id
        packageId = package.packageId
        feedId = package.feedId
        version = package.version
        title = package.title
        published = package.published
        releaseNotes = package.releaseNotes
        links = package.links
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, packageId, feedId, version, title, published, releaseNotes, links
    }
}

/// A package of a feed search (`PackageDescriptionResource`): its id and newest version.
struct PackageDescription: Codable, Sendable, Equatable {
    var id: String
    var name: String
    var description: String
    var latestVersion: String
    var links: Links

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, name, description, latestVersion, links
    }
}
