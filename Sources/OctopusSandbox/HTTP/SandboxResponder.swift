import Foundation
import Hummingbird
import Logging
import OctopusModel

/// The sandbox's outermost responder: rewrites the request (method override, space aliases),
/// authenticates it, routes it, and turns every error into Octopus's error body.
///
/// It wraps the router rather than being router middleware because Hummingbird resolves the route
/// before router middleware runs, and rewriting must happen before routing.
struct SandboxResponder: HTTPResponder {
    typealias Context = SandboxRequestContext

    let router: RouterResponder<SandboxRequestContext>
    let services: SandboxServices
    let rewriter = SandboxRequestRewriter()

    func respond(to request: Request, context: SandboxRequestContext) async throws -> Response {
        let originalPath = request.uri.path
        do {
            let store = services.store
            let request = try await rewriter.rewrite(request) { try await store.defaultSpaceID() }
            var context = context
            // Before the key is looked at: a page on another site must not use a key it put in the URL.
            if let origin = SandboxAuthenticator.crossSiteOrigin(of: request) { throw SandboxError.crossSiteRequest(origin: origin) }
            let authenticator = SandboxAuthenticator(store: store, users: services.keyUsers)
            if let credential = SandboxAuthenticator.apiKey(in: request) {
                if let user = try await authenticator.user(forKey: credential.key) {
                    context.user = user
                    context.identityEstablishedWith = credential.scheme
                } else if !SandboxAuthenticator.isAnonymous(request) {
                    throw SandboxError.unauthorized
                }
            } else if !SandboxAuthenticator.isAnonymous(request), let user = try await SandboxSessions.user(of: request, store: store) {
                context.user = user
                context.identityEstablishedWith = "Session cookie"
            } else if !SandboxAuthenticator.isAnonymous(request) {
                throw SandboxError.unauthorized
            }
            return try await router.respond(to: request, context: context)
        } catch {
            let failure = SandboxError.from(error, path: originalPath)
            if case .internalFailure = failure {
                context.logger.error("Request failed: \(request.method) \(originalPath): \(failure)")
            }
            return try JSONResponse.make(failure.body, status: failure.status)
        }
    }
}
