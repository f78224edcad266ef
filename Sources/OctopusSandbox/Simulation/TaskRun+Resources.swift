import Foundation
import OctopusModel

extension TaskRun {
    /// Interruption types the task waits on now (`PendingInterruptionTypes`).
    var pendingInterruptionTypes: [String] {
        pending.map { [$0.kind.rawValue] } ?? []
    }

    /// Whole-task progress: the share of steps that have ended.
    var progressPercentage: Int {
        guard !plan.steps.isEmpty else { return isCompleted ? 100 : 0 }
        if state == .success { return 100 }
        let ended = steps.filter { $0.ended != nil }.count
        return ended * 100 / plan.steps.count
    }

    /// Fills the run's fields of a task resource: state, flags, times and the human strings.
    func apply(to task: inout ServerTask, now: Date) {
        task.state = state
        task.isCompleted = state.isCompleted
        task.finishedSuccessfully = state == .success
        task.hasPendingInterruptions = pending != nil
        task.pendingInterruptionTypes = pendingInterruptionTypes
        task.hasWarningsOrErrors = hasWarningsOrErrors
        task.errorMessage = errorMessage
        task.queueTime = queueTime
        task.queueTimeExpiry = queueTimeExpiry
        task.startTime = startTime
        task.completedTime = completedTime
        task.lastUpdatedTime = lastUpdatedTime
        task.hasBeenPickedUpByProcessor = startTime != nil
        task.canRerun = state.isCompleted
        task.completed = completedTime.map(HumanTime.completed)
        task.duration = HumanTime.duration(from: startTime ?? queueTime, to: completedTime ?? max(now, queueTime))
        task.serverNode = startTime == nil ? nil : "sandbox"
    }

    /// The activity log tree: the task, one node per step, one node per target with its lines.
    func activityLogs(taskId: ServerTaskID, title: String) -> [ActivityLogTreeNode] {
        let children = plan.steps.indices.map { index in
            let planned = plan.steps[index]
            let record = steps[index]
            let targets = planned.targets.isEmpty ? ["Octopus Server"] : planned.targets
            let targetNodes = targets.enumerated().map { offset, target in
                ActivityLogTreeNode(
                    id: "\(taskId.rawValue)_\(index + 1)_\(offset + 1)", name: target, started: record.started,
                    ended: record.ended, status: record.status, showAtSummaryLevel: false,
                    progressPercentage: record.ended == nil ? 0 : 100, logElements: record.log)
            }
            return ActivityLogTreeNode(
                id: "\(taskId.rawValue)_\(index + 1)", name: "Step \(planned.actionNumber): \(planned.name)",
                started: record.started, ended: record.ended, status: record.status, showAtSummaryLevel: true,
                progressPercentage: record.ended == nil ? 0 : 100, children: targetNodes)
        }
        let root = ActivityLogTreeNode(
            id: taskId.rawValue, name: title, started: startTime, ended: completedTime, status: rootStatus,
            showAtSummaryLevel: true, progressPercentage: progressPercentage, children: children)
        return [root]
    }

    /// The raw text log: every line in time order.
    func rawLog() -> String {
        var lines: [(Date, String)] = []
        for (index, record) in steps.enumerated() {
            for entry in record.log {
                let when = entry.occurredAt ?? queueTime
                let stamp = OctopusDateFormat.string(from: when)
                lines.append((when, "\(stamp)  \(entry.category.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0))  Step \(plan.steps[index].actionNumber): \(entry.messageText)"))
            }
        }
        return lines.sorted { $0.0 < $1.0 }.map(\.1).joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
    }

    private var rootStatus: ActivityStatus {
        switch state {
        case .queued: .pending
        case .executing, .cancelling: .running
        case .success: hasWarningsOrErrors ? .successWithWarning : .success
        case .failed, .timedOut: .failed
        case .canceled: .canceled
        }
    }
}

/// Octopus's human-readable task times.
enum HumanTime {
    /// "32 seconds", "1 minute", "8 minutes", "2 hours", "3 days".
    static func duration(from start: Date, to end: Date) -> String {
        let seconds = max(0, Int(end.timeIntervalSince(start)))
        func unit(_ value: Int, _ name: String) -> String { value == 1 ? "1 \(name)" : "\(value) \(name)s" }
        if seconds < 60 { return unit(seconds, "second") }
        if seconds < 3600 { return unit(seconds / 60, "minute") }
        if seconds < 86_400 { return unit(seconds / 3600, "hour") }
        return unit(seconds / 86_400, "day")
    }

    /// "Monday, March 20, 2017 9:00 PM" (UTC).
    static func completed(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: date)
        let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        let hour24 = parts.hour ?? 0
        let hour12 = hour24 % 12 == 0 ? 12 : hour24 % 12
        let minute = parts.minute ?? 0
        let weekday = weekdays[((parts.weekday ?? 1) - 1) % 7]
        let month = months[((parts.month ?? 1) - 1) % 12]
        let minuteText = minute < 10 ? "0\(minute)" : "\(minute)"
        return "\(weekday), \(month) \(parts.day ?? 1), \(parts.year ?? 1970) \(hour12):\(minuteText) \(hour24 < 12 ? "AM" : "PM")"
    }
}
