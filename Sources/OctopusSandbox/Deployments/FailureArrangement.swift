import Foundation
import GRDB
import OctopusModel

/// A seed's or a test's instruction that deployments matching it fail at a step: the first attempt
/// of the step fails with `message` (a guided-failure Retry then succeeds).
///
/// Nil filters match anything; `step` matches an action id, an action name or a step name.
package struct FailureArrangement: Codable, Sendable, Equatable {
    package var projectId: ProjectID?
    package var releaseId: ReleaseID?
    package var environmentId: EnvironmentID?
    package var step: String
    package var message: String

    package init(
        projectId: ProjectID? = nil, releaseId: ReleaseID? = nil, environmentId: EnvironmentID? = nil, step: String,
        message: String = "The script returned exit code 1."
    ) {
        self.projectId = projectId
        self.releaseId = releaseId
        self.environmentId = environmentId
        self.step = step
        self.message = message
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case projectId, releaseId, environmentId, step, message
    }

    /// Decodes a request body; `Step` is required, `Message` has a default.
    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        projectId = try c.decodeIfPresent(ProjectID.self, forKey: .projectId)
        releaseId = try c.decodeIfPresent(ReleaseID.self, forKey: .releaseId)
        environmentId = try c.decodeIfPresent(EnvironmentID.self, forKey: .environmentId)
        step = try c.decodeIfPresent(String.self, forKey: .step) ?? ""
        message = try c.decodeIfPresent(String.self, forKey: .message) ?? "The script returned exit code 1."
    }

    /// Whether a deployment of `release` to `environment` is affected.
    func matches(project: ProjectID, release: ReleaseID, environment: EnvironmentID) -> Bool {
        (projectId == nil || projectId == project) && (releaseId == nil || releaseId == release)
            && (environmentId == nil || environmentId == environment)
    }
}

extension Database {
    /// Records a failure arrangement for deployments created from now on.
    package func arrangeFailure(_ arrangement: FailureArrangement) throws {
        try execute(
            sql: "INSERT INTO sandboxFailureArrangements (arrangement) VALUES (?)",
            arguments: [try OctopusJSON.encode(arrangement)])
    }

    /// Removes every failure arrangement.
    package func clearFailureArrangements() throws {
        try execute(sql: "DELETE FROM sandboxFailureArrangements")
    }

    /// Arranged failures for a deployment, keyed by step (action id, action name or step name).
    func arrangedFailures(project: ProjectID, release: ReleaseID, environment: EnvironmentID) throws -> [String: String] {
        let decoder = OctopusJSON.makeDecoder()
        var failures: [String: String] = [:]
        for data in try Data.fetchAll(self, sql: "SELECT arrangement FROM sandboxFailureArrangements ORDER BY id") {
            let arrangement = try decoder.decode(FailureArrangement.self, from: data)
            if arrangement.matches(project: project, release: release, environment: environment) {
                failures[arrangement.step] = arrangement.message
            }
        }
        return failures
    }
}
