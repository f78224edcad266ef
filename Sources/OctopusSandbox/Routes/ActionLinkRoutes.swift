import Hummingbird
import OctopusModel

/// Links that name an action rather than a document (`Cancel`, `Rerun`, `Submit`, `OrderChannels`,
/// `ResolveDefect`, `DeploymentPreviews`, `EnvironmentSortOrder`, `ActionsUpdate`) answer a GET with 405, as
/// Octopus does, instead of the 404 a router gives a path it only knows for other methods.
enum ActionLinkRoutes {
    /// Paths of actions (POST or PUT in Octopus).
    static let actions: [String] = [
        "/api/tasks/{id}/cancel", "/api/{spaceId}/tasks/{id}/cancel", "/api/tasks/rerun/{id}",
        "/api/{spaceId}/releases/{id}/deployments/previews", "/api/{spaceId}/releases/{id}/defects/resolve",
        "/api/{spaceId}/projects/{id}/channels/order", "/api/{spaceId}/environments/sortorder",
        "/api/users/login", "/api/users/logout", "/api/{spaceId}/actiontemplates/{id}/actionsUpdate",
        "/api/{spaceId}/interruptions/{id}/submit",
    ]

    static func register(on router: Router<SandboxRequestContext>, services: SandboxServices) {
        for action in actions {
            router.get(RouterPath(action)) { request, _ -> Response in
                throw SandboxError.methodNotAllowed(method: "GET", path: request.uri.path)
            }
        }
    }
}
