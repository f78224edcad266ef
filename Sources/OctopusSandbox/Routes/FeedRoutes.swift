import GRDB
import Hummingbird
import OctopusModel

/// Feeds (`name`, `partialName`, `ids`, `feedType`), `/all`, `{id}`; a feed's package versions
/// (`packages/versions?packageId=`, newest version first); and the built-in feed's packages
/// (`/packages`, `nuGetPackageId` or `filter`, `latest`; `{id}`).
enum FeedRoutes {
    static func register(on router: Router<SandboxRequestContext>, services: SandboxServices) {
        let store = services.store
        CollectionRoutes<Feed>(
            collection: "feeds", itemType: "Feed", kind: "Feed", permission: .spaceView, order: .oldestFirst, byName: true,
            templateQuery: "{?skip,take,ids,partialName,feedType,name}",
            filters: { parameters in
                parameters.list("feedType").map { [.textOneOf("feedType", $0)] } ?? []
            },
            linking: SandboxLinks.linking
        ).register(on: router, services: services)
        router.get("/api/{spaceId}/feeds/{id}/packages/versions") { request, context in
            let space = try await services.authorize(context, .spaceView)
            let feed = try await ResourceListing.one(
                Feed.self, kind: "Feed", id: try context.parameter("id"), space: space, store: store)
            let parameters = QueryParameters(request)
            guard let packageID = parameters.string("packageId") else {
                throw SandboxError.badRequest(
                    message: "No packageId parameter was provided.",
                    errors: ["Name the package, e.g. packages/versions?packageId=SampleApp.WebAPI."])
            }
            let includePreRelease = try parameters.boolean("includePreRelease") ?? true
            var query = DocumentQuery([.equals("spaceId", space.databaseValue), .equals("feedId", feed.id.databaseValue)])
            query.add(.textOneOf("packageId", [packageID]))
            let versions = newestFirst(try await store.all(FeedPackage.self, query))
                .filter { includePreRelease || !$0.version.contains("-") }
                .filter { ChannelVersionRules.Version($0.version).map { version in
                    ChannelVersionRules.version(version, satisfies: parameters.string("versionRange"))
                } ?? true }
                .map { PackageVersion(SandboxLinks.linking($0)) }
            return try ResourceListing.page(
                of: versions, itemType: "PackageVersion", request: request,
                template: "/api/\(space)/feeds/\(feed.id)/packages/versions{?packageId,skip,take,includePreRelease,versionRange}")
        }
        router.get("/api/{spaceId}/feeds/{id}/packages/search") { request, context in
            let space = try await services.authorize(context, .spaceView)
            let feed = try await ResourceListing.one(
                Feed.self, kind: "Feed", id: try context.parameter("id"), space: space, store: store)
            var query = DocumentQuery([.equals("spaceId", space.databaseValue), .equals("feedId", feed.id.databaseValue)])
            if let term = QueryParameters(request).string("term") { query.add(.containsText("packageId", [term])) }
            var seen = Set<String>()
            let found = newestFirst(try await store.all(FeedPackage.self, query))
                .filter { seen.insert($0.packageId.lowercased()).inserted }
                .map { package in
                    PackageDescription(
                        id: package.packageId, name: package.packageId, description: package.description,
                        latestVersion: package.version,
                        links: ["Versions": "/api/\(space)/feeds/\(feed.id)/packages/versions?packageId=\(package.packageId)"])
                }
            return try ResourceListing.page(
                of: found, itemType: "PackageDescription", request: request,
                template: "/api/\(space)/feeds/\(feed.id)/packages/search{?term,skip,take}")
        }
        router.get("/api/{spaceId}/packages") { request, context in
            let space = try await services.authorize(context, .spaceView)
            let parameters = QueryParameters(request)
            let exact = parameters.string("nuGetPackageId")
            let filter = parameters.string("filter")
            if exact != nil && filter != nil {
                throw SandboxError.badRequest(message: "Only one of either nuGetPackageId or filter may be specified.")
            }
            var query = DocumentQuery([.equals("spaceId", space.databaseValue)], order: .newestFirst)
            if let exact { query.add(.textOneOf("packageId", [exact])) }
            if let filter { query.add(.containsText("packageId", [filter])) }
            var packages = newestFirst(try await store.all(FeedPackage.self, query))
            if try parameters.boolean("latest") ?? false {
                var seen = Set<String>()
                packages = packages.filter { seen.insert($0.packageId.lowercased()).inserted }
            }
            return try ResourceListing.page(
                of: packages.map(SandboxLinks.linking), itemType: "Package", request: request,
                template: "/api/\(space)/packages{/id}{?nuGetPackageId,filter,latest,skip,take}")
        }
        router.get("/api/{spaceId}/packages/{id}") { _, context in
            let space = try await services.authorize(context, .spaceView)
            let package = try await ResourceListing.one(
                FeedPackage.self, kind: "Package", id: try context.parameter("id"), space: space, store: store)
            return try JSONResponse.ok(SandboxLinks.linking(package))
        }
    }

    /// Packages by id, then newest version first (numerically: 2021.1.0.10 after 2021.1.0.9).
    private static func newestFirst(_ packages: [FeedPackage]) -> [FeedPackage] {
        packages.sorted { left, right in
            if left.packageId.lowercased() != right.packageId.lowercased() {
                return left.packageId.lowercased() < right.packageId.lowercased()
            }
            guard let leftVersion = ChannelVersionRules.Version(left.version),
                let rightVersion = ChannelVersionRules.Version(right.version)
            else { return left.version > right.version }
            return leftVersion > rightVersion
        }
    }
}
