import Foundation
import OctopusModel

/// A machine policy (`MachinePolicyResource`): every sample target names the space's default,
/// `MachinePolicies-1`. Time spans are written as .NET writes them (`00:01:00`).
struct MachinePolicy: Codable, Sendable, Equatable {
    var id: String
    var spaceId: SpaceID
    var name: String
    var description: String
    var isDefault: Bool
    var connectionRetrySleepInterval: String
    var connectionRetryCountLimit: Int
    var connectionRetryTimeLimit: String
    var connectionConnectTimeout: String
    var pollingRequestQueueTimeout: String
    var pollingRequestMaximumMessageProcessingTimeout: String
    var machineHealthCheckPolicy: HealthCheck
    var lastModifiedOn: Date?
    var lastModifiedBy: String?
    var links: Links = [:]

    /// How often targets are health-checked (`MachineHealthCheckPolicy`).
    struct HealthCheck: Codable, Sendable, Equatable {
        var healthCheckInterval: String
        /// `RunScript` or `OnlyConnectivity`.
        var healthCheckType: String

        enum CodingKeys: String, PascalCaseCodingKey {
            case healthCheckInterval, healthCheckType
        }
    }

    /// The default policy of `space`, with Octopus's default timings.
    static func defaultPolicy(in space: SpaceID, now: Date) -> MachinePolicy {
        MachinePolicy(
            id: "MachinePolicies-1", spaceId: space, name: "Default Machine Policy",
            description: "The default machine policy, used by every deployment target that names no other.",
            isDefault: true, connectionRetrySleepInterval: "00:00:01", connectionRetryCountLimit: 5,
            connectionRetryTimeLimit: "00:05:00", connectionConnectTimeout: "00:01:00",
            pollingRequestQueueTimeout: "00:02:00", pollingRequestMaximumMessageProcessingTimeout: "00:10:00",
            machineHealthCheckPolicy: HealthCheck(healthCheckInterval: "01:00:00", healthCheckType: "RunScript"),
            lastModifiedOn: now, lastModifiedBy: "system")
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, spaceId, name, description, isDefault, connectionRetrySleepInterval, connectionRetryCountLimit
        case connectionRetryTimeLimit, connectionConnectTimeout, pollingRequestQueueTimeout
        case pollingRequestMaximumMessageProcessingTimeout, machineHealthCheckPolicy, lastModifiedOn, lastModifiedBy
        case links
    }
}
