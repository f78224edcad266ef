import GRDB
import Hummingbird
import OctopusModel

/// Build information pushed for package versions: list (`packageId`, `filter` on the package id,
/// `latest` = newest version per package), `{id}`.
enum BuildInformationRoutes {
    static func register(on router: Router<SandboxRequestContext>, services: SandboxServices) {
        let store = services.store
        router.get("/api/{spaceId}/build-information") { request, context in
            let space = try await services.authorize(context, .releaseView)
            let parameters = QueryParameters(request)
            var query = DocumentQuery([.equals("spaceId", space.databaseValue)], order: .newestFirst)
            if let package = parameters.string("packageId") { query.add(.textOneOf("packageId", [package])) }
            if let filter = parameters.string("filter") { query.add(.containsText("packageId", [filter])) }
            var items = try await store.all(PackageBuildInformation.self, query)
            if try parameters.boolean("latest") ?? false {
                var newest: [String: PackageBuildInformation] = [:]
                for item in items {
                    let key = item.information.packageId.lowercased()
                    if let kept = newest[key], isOlder(item, than: kept) { continue }
                    newest[key] = item
                }
                items = items.filter { newest[$0.information.packageId.lowercased()] == $0 }
            }
            return try ResourceListing.page(
                of: items.map(SandboxLinks.linking), itemType: "OctopusPackageVersionBuildInformationMapped",
                request: request, template: "/api/\(space)/build-information{/id}{?packageId,filter,latest,skip,take}")
        }
        router.get("/api/{spaceId}/build-information/{id}") { _, context in
            let space = try await services.authorize(context, .releaseView)
            let item = try await ResourceListing.one(
                PackageBuildInformation.self, kind: "BuildInformation", id: try context.parameter("id"), space: space,
                store: store)
            return try JSONResponse.ok(SandboxLinks.linking(item))
        }
    }

    private static func isOlder(_ item: PackageBuildInformation, than other: PackageBuildInformation) -> Bool {
        guard let version = ChannelVersionRules.Version(item.information.version),
            let otherVersion = ChannelVersionRules.Version(other.information.version)
        else { return item.created < other.created }
        return version < otherVersion
    }
}
