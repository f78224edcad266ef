import Hummingbird
import OctopusModel

/// `GET /api` (root document, anonymous) and `GET /api/{spaceId}` (space root).
enum RootRoutes {
    /// The server version the sandbox reports (modern, so version-gated clients use current APIs).
    static let serverVersion = "2024.3.0"

    static func register(on router: Router<SandboxRequestContext>, services: SandboxServices) {
        router.get("/api") { _, _ in
            let space = try await services.store.defaultSpaceID()
            return try JSONResponse.ok(
                RootDocument(
                    id: "e0a3d1a1-5bd9-4c3b-9d5e-7a4d2c1b0f00", version: serverVersion,
                    installationId: "c7b3f0de-2f4e-4f8e-9a61-5f3c8b1d2e4a", links: SandboxLinks.root(defaultSpace: space)))
        }
        router.get("/api/{spaceId}") { _, context in
            let spaceID = try context.spaceID()
            _ = try context.authenticatedUser()
            guard let space = try await services.store.document(Space.self, id: spaceID.rawValue) else {
                throw SandboxError.resourceNotFound(kind: "Space", id: spaceID.rawValue)
            }
            return try JSONResponse.ok(
                SpaceRootDocument(
                    id: space.id, lastModifiedOn: space.lastModifiedOn, lastModifiedBy: space.lastModifiedBy,
                    links: SandboxLinks.spaceRoot(space.id)))
        }
    }
}
