import Hummingbird

/// Turns errors thrown inside the router (Hummingbird's own "no route" 404 included, which the
/// router would otherwise render in its own format) into ``SandboxError``s, which render Octopus's
/// error body.
struct OctopusErrorMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext

    func handle(
        _ request: Request, context: SandboxRequestContext,
        next: (Request, SandboxRequestContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as SandboxError {
            throw error.namingUnservedRoute(path: request.uri.path)
        } catch {
            throw SandboxError.from(error, path: request.uri.path)
        }
    }
}
