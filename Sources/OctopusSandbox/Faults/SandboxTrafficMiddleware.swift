import Foundation
import Hummingbird
import OctopusModel

/// Counts every routed request by its route template and injects the configured faults.
///
/// A router middleware, so it runs after route resolution and sees `endpointPath` (the template,
/// e.g. `/api/{spaceId}/deployments`). The sandbox's own `/api/sandbox/...` routes are counted
/// but never faulted, so tests can always read statistics and move the clock.
struct SandboxTrafficMiddleware: RouterMiddleware {
    typealias Context = SandboxRequestContext

    let statistics: RequestStatistics
    let faults: FaultInjector

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let route = context.endpointPath ?? request.uri.path
        statistics.record(method: request.method.rawValue, route: route)
        guard !faults.isInert, !route.hasPrefix("/api/sandbox/") else {
            return try await next(request, context)
        }
        let decision = faults.next()
        if decision.latencyMilliseconds > 0 {
            try await Task.sleep(nanoseconds: UInt64(decision.latencyMilliseconds * 1_000_000))
        }
        if decision.fault != .none { statistics.recordFault() }
        switch decision.fault {
        case .none:
            return try await next(request, context)
        case .fail(let status) where status == 503:
            throw SandboxError.serviceUnavailable(message: "The sandbox injected a failure (--fail-rate); retry the request.")
        case .fail:
            var headers = HTTPFields()
            headers[.contentType] = "text/html; charset=utf-8"
            return Response(
                status: .badGateway, headers: headers,
                body: .init(byteBuffer: ByteBuffer(string: "<html><body><h1>502 Bad Gateway</h1></body></html>")))
        case .reset:
            // A write's connection drops after the server acted on it: the response is lost, the
            // ambiguous case a client must recover from without repeating the write.
            if request.method != .get, request.method != .head {
                _ = try? await next(request, context)
            }
            if let channel = context.channel {
                channel.close(promise: nil)
            }
            throw SandboxError.serviceUnavailable(message: "The sandbox dropped the connection (--reset-rate).")
        }
    }
}
