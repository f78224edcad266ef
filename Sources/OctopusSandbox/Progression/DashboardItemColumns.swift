import Foundation
import GRDB
import OctopusModel

/// What a dashboard item shows, read in SQL: the deployment's and task's own columns plus a few
/// `json_extract`s, instead of decoding both documents. A deployment document carries its release
/// notes and changes (kilobytes each) and the dashboard shows one item per project and environment,
/// so decoding whole documents was most of its time.
enum DashboardItemColumns {
    /// The select list, for a query over `deployments d LEFT JOIN tasks t ON t.id = d.taskId`.
    static let select = """
        d.id AS deploymentId, d.spaceId AS spaceId, d.projectId AS projectId, d.environmentId AS environmentId,
        d.releaseId AS releaseId, d.channelId AS channelId, d.tenantId AS tenantId, d.taskId AS taskId,
        json_extract(d.document, '$.Created') AS created, t.id AS task, t.state AS state,
        json_extract(t.document, '$.QueueTime') AS queueTime, json_extract(t.document, '$.StartTime') AS startTime,
        json_extract(t.document, '$.CompletedTime') AS completedTime, json_extract(t.document, '$.Duration') AS duration,
        json_extract(t.document, '$.IsCompleted') AS isCompleted, json_extract(t.document, '$.ErrorMessage') AS errorMessage,
        json_extract(t.document, '$.HasPendingInterruptions') AS hasPendingInterruptions,
        json_extract(t.document, '$.HasWarningsOrErrors') AS hasWarningsOrErrors,
        json_extract(t.document, '$.PendingInterruptionTypes') AS pendingInterruptionTypes
        """

    /// The dashboard item of one row selected with ``select``.
    /// - Parameters:
    ///   - row: A row with the columns of ``select``.
    ///   - version: The release's version (the caller joins or knows it).
    ///   - now: The sandbox's time, for the duration of a task still running.
    /// - Returns: The item, as ``Database/dashboardItem(_:task:version:now:)`` makes it from documents.
    /// - Throws: A decoding error when a stored date or the interruption types are not what the sandbox writes.
    static func item(_ row: Row, version: String, now: Date) throws -> DashboardItem {
        let deployment = Deployment(
            id: DeploymentID(rawValue: row["deploymentId"]), spaceId: (row["spaceId"] as String?).map(SpaceID.init(rawValue:)),
            releaseId: ReleaseID(rawValue: row["releaseId"]), environmentId: EnvironmentID(rawValue: row["environmentId"]),
            tenantId: (row["tenantId"] as String?).map(TenantID.init(rawValue:)), projectId: ProjectID(rawValue: row["projectId"]),
            channelId: ChannelID(rawValue: row["channelId"]), taskId: (row["taskId"] as String?).map(ServerTaskID.init(rawValue:)),
            created: try date(row, "created"))
        return Database.dashboardItem(deployment, task: try task(row), version: version, now: now)
    }

    /// The task's fields the dashboard shows, or nil when the deployment has no stored task.
    private static func task(_ row: Row) throws -> ServerTask? {
        guard row["task"] as String? != nil else { return nil }
        let state: String = row["state"] ?? ""
        return ServerTask(
            state: TaskState(rawValue: state) ?? .queued, isCompleted: row["isCompleted"] ?? false,
            hasPendingInterruptions: row["hasPendingInterruptions"] ?? false,
            hasWarningsOrErrors: row["hasWarningsOrErrors"] ?? false, errorMessage: row["errorMessage"] ?? "",
            queueTime: try date(row, "queueTime"), startTime: try date(row, "startTime"),
            completedTime: try date(row, "completedTime"), duration: row["duration"],
            pendingInterruptionTypes: try interruptionTypes(row["pendingInterruptionTypes"]))
    }

    private static func date(_ row: Row, _ column: String) throws -> Date? {
        guard let text = row[column] as String? else { return nil }
        guard let date = OctopusDateFormat.date(from: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "'\(text)' in \(column) is not an ISO-8601 date."))
        }
        return date
    }

    /// `json_extract` gives an array as its JSON text; almost always `[]`, which needs no decoder.
    private static func interruptionTypes(_ json: String?) throws -> [String] {
        guard let json, json != "[]" else { return [] }
        return try JSONDecoder().decode([String].self, from: Data(json.utf8))
    }
}
