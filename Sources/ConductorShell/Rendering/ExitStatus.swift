import OctopusClient
import Orchestration

/// The process exit codes of shell.md §9.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Everything went as asked.
    case success = 0
    /// A command failed (a lookup, a request, a rule of the template).
    case failure = 1
    /// Usage or parse error: a bad flag or value.
    case usage = 2
    /// A script stopped on an error.
    case scriptStopped = 3
    /// A deployment failed or was cancelled.
    case deploymentFailed = 4
    /// The API key is missing or wrong, or its user lacks a permission.
    case authentication = 5
    /// Requests kept failing past the fault budget; the promotion stopped with nothing abandoned and running the
    /// same command again resumes it (`EX_TEMPFAIL`: try again later).
    case stoppedResumable = 75
    /// A wait timed out (the child was cancelled).
    case timedOut = 124
    /// Interrupted by Ctrl-C (128 + SIGINT).
    case interrupted = 130

    /// The status of a finished promotion: 4 when any child failed, was cancelled or timed out
    /// on the server; else 124 when Conductor's wait timeout cancelled a child; else 0.
    public init(plan: PromotionPlan) {
        let outcomes = plan.children.compactMap(\.outcome)
        if outcomes.contains(where: { [.failed, .canceled, .timedOut].contains($0) }) {
            self = .deploymentFailed
        } else if outcomes.contains(.cancelledOnTimeout) {
            self = .timedOut
        } else {
            self = .success
        }
    }

    /// The status for an error that stopped a command: 5 for 401/403, 2 for input that cannot be
    /// read (pattern, schedule, time zone, prompted-variable syntax, a required value), else 1.
    public init(error: any Error) {
        switch error {
        case is PromotionStopped:
            self = .stoppedResumable
        case let error as OctopusClientError:
            if error.isAuthentication || error.isPermission {
                self = .authentication
            } else if error.isUsage {
                self = .usage
            } else {
                self = .failure
            }
        case let error as OrchestrationError:
            switch error {
            case .invalidReleasePattern, .unparseableSchedule, .unknownTimeZone, .scheduleInPast,
                 .missingRequiredValue, .malformedPromptedVariable, .emptyApplication, .duplicateProject:
                self = .usage
            default:
                self = .failure
            }
        default:
            self = .failure
        }
    }
}
