import Foundation
import GRDB
import Hummingbird
import OctopusModel

/// The sandbox's own endpoints, outside Octopus's namespace (anonymous, never faulted):
/// - `GET /api/sandbox/stats` — request counts per route template; `DELETE` resets them;
/// - `GET /api/sandbox/clock` — the sandbox time; `POST /api/sandbox/clock/advance?seconds=N`
///   moves a virtual clock (cross-process tests);
/// - `POST /api/sandbox/failures` `{ProjectId?, ReleaseId?, EnvironmentId?, Step, Message?}` —
///   deployments created afterwards fail at that step; `DELETE` clears the arrangements.
enum SandboxControlRoutes {
    static func register(on router: Router<SandboxRequestContext>, services: SandboxServices) {
        router.get("/api/sandbox/stats") { _, _ in
            try JSONResponse.ok(StatisticsBody(total: services.statistics.total, faults: services.statistics.faults, routes: services.statistics.snapshot))
        }
        router.delete("/api/sandbox/stats") { _, _ in
            services.statistics.reset()
            return Response(status: .noContent)
        }
        router.get("/api/sandbox/clock") { _, _ in
            try JSONResponse.ok(ClockBody(now: services.clock.now, isVirtual: services.clock is VirtualClock))
        }
        router.post("/api/sandbox/clock/advance") { request, _ in
            guard let clock = services.clock as? VirtualClock else {
                throw SandboxError.badRequest(
                    message: "The sandbox runs on the system clock, which cannot be moved; start it with a virtual clock.")
            }
            guard let seconds = try QueryParameters(request).integer("seconds"), seconds >= 0 else {
                throw SandboxError.badRequest(message: "Pass how far to move the clock as '?seconds=N' (a whole number, 0 or more).")
            }
            clock.advance(by: TimeInterval(seconds))
            try await services.catchUp()
            return try JSONResponse.ok(ClockBody(now: clock.now, isVirtual: true))
        }
        router.post("/api/sandbox/failures") { request, _ in
            let arrangement = try await JSONRequestBody.decode(FailureArrangement.self, from: request)
            guard !arrangement.step.isEmpty else {
                throw SandboxError.validation(["Name the step that should fail in 'Step' (an action id, action name or step name)."])
            }
            try await services.store.write { db in try db.arrangeFailure(arrangement) }
            return try JSONResponse.created(arrangement)
        }
        router.delete("/api/sandbox/failures") { _, _ in
            try await services.store.write { db in try db.clearFailureArrangements() }
            return Response(status: .noContent)
        }
    }

    struct StatisticsBody: Encodable {
        var total: Int
        /// Faults injected (`--fail-rate`, `--reset-rate`).
        var faults: Int
        var routes: [String: Int]
        enum CodingKeys: String, PascalCaseCodingKey {
            case total, faults, routes
        }
    }

    struct ClockBody: Encodable {
        var now: Date
        var isVirtual: Bool
        enum CodingKeys: String, PascalCaseCodingKey {
            case now, isVirtual
        }
    }
}
