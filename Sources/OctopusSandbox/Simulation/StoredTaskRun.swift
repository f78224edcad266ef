import Foundation
import GRDB
import OctopusModel

/// A task's simulated run as stored in `taskRuns`, with what the simulator needs to find its
/// deployment and its queue.
struct StoredTaskRun: Codable, Sendable, Equatable {
    var taskId: ServerTaskID
    var deploymentId: DeploymentID
    /// Project, environment and tenant: Octopus runs deployments with the same key one at a time.
    var queueKey: String
    var run: TaskRun

    static func queueKey(for deployment: Deployment) -> String {
        "\(deployment.projectId.rawValue)|\(deployment.environmentId.rawValue)|\(deployment.tenantId?.rawValue ?? "")"
    }
}

extension Database {
    /// The stored run of a task; nil for tasks without one (generated history).
    func taskRun(_ id: ServerTaskID) throws -> StoredTaskRun? {
        let data = try Data.fetchOne(self, sql: "SELECT run FROM taskRuns WHERE taskId = ?", arguments: [id.rawValue])
        return try data.map { try OctopusJSON.makeDecoder().decode(StoredTaskRun.self, from: $0) }
    }

    /// Runs that have not completed yet, oldest first (the order tasks are queued in).
    func activeTaskRuns() throws -> [StoredTaskRun] {
        let decoder = OctopusJSON.makeDecoder()
        return try Data.fetchAll(self, sql: "SELECT run FROM taskRuns WHERE active = 1 ORDER BY rowid")
            .map { try decoder.decode(StoredTaskRun.self, from: $0) }
    }

    /// The tasks a queued task waits behind: the unfinished runs of the same project, environment and tenant queued
    /// before it (what `GET /tasks/{id}/queued-behind` lists); empty when it is not queued.
    func tasksQueuedAhead(of id: ServerTaskID) throws -> [ServerTaskID] {
        let active = try activeTaskRuns()
        guard let index = active.firstIndex(where: { $0.taskId == id }), active[index].run.state == .queued else { return [] }
        let key = active[index].queueKey
        return active[..<index].filter { $0.queueKey == key }.map(\.taskId)
    }

    /// Inserts or replaces a run.
    func saveTaskRun(_ stored: StoredTaskRun) throws {
        try execute(
            sql: """
                INSERT INTO taskRuns (taskId, active, run) VALUES (?, ?, ?)
                ON CONFLICT(taskId) DO UPDATE SET active = excluded.active, run = excluded.run
                """,
            arguments: [stored.taskId.rawValue, !stored.run.isCompleted, try OctopusJSON.encode(stored)])
    }
}

extension TaskRun {
    /// When the run will next change by itself after `now` (nil when it waits for a person or has
    /// ended). A queued run blocked by another task wakes at its queue time or its expiry, whichever
    /// is still ahead; the blocking task's own transitions cover the rest.
    func nextTransition(after now: Date) -> Date? {
        let candidates: [Date?]
        switch state {
        case .queued:
            candidates = [queueTime, queueTimeExpiry]
        case .executing:
            guard pending == nil, currentStep < plan.steps.count, let started = steps[currentStep].started,
                plan.steps[currentStep].kind == .work
            else { return nil }
            candidates = [started.addingTimeInterval(plan.steps[currentStep].duration)]
        case .cancelling:
            candidates = [cancelRequestedAt?.addingTimeInterval(plan.cancellationGrace)]
        case .success, .failed, .canceled, .timedOut:
            return nil
        }
        return candidates.compactMap { $0 }.filter { $0 > now }.min()
    }
}
