import Foundation

/// The status of an activity-log node.
public enum ActivityStatus: String, Codable, Sendable, CaseIterable {
    case pending = "Pending"
    case running = "Running"
    case success = "Success"
    case failed = "Failed"
    case skipped = "Skipped"
    case successWithWarning = "SuccessWithWarning"
    case canceled = "Canceled"
}

/// The category of an activity-log line.
public enum ActivityLogCategory: String, Codable, Sendable, CaseIterable {
    case trace = "Trace", verbose = "Verbose", info = "Info", wait = "Wait", highlight = "Highlight", gap = "Gap"
    case alert = "Alert", warning = "Warning", error = "Error", fatal = "Fatal", planned = "Planned"
    case updated = "Updated", finished = "Finished", abandoned = "Abandoned"
}

/// A task with its activity log (`GET /tasks/{id}/details`).
@MemberwiseInit @PascalCaseCodingKeys public struct TaskDetails: Codable, Sendable, Equatable {
    public var id: String?
    @Defaulted public var task: ServerTask
    @Defaulted public var activityLogs: [ActivityLogTreeNode]
    @Defaulted public var physicalLogSize: Int64
    @Defaulted public var progress: TaskProgress
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    /// Links of the resource (`Self`, ...), server-root relative URI templates.
    @Defaulted public var links: Links
}

/// How far a task has come.
@MemberwiseInit @PascalCaseCodingKeys public struct TaskProgress: Codable, Sendable, Equatable {
    @Defaulted public var progressPercentage: Int
    public var estimatedTimeRemaining: String?
}

/// A node of a task's activity log: the task, a step, a target or action.
@MemberwiseInit @PascalCaseCodingKeys public struct ActivityLogTreeNode: Codable, Sendable, Equatable {
    @Defaulted public var id: String
    @Defaulted public var name: String
    public var started: Date?
    public var ended: Date?
    @Defaulted public var status: ActivityStatus
    @Defaulted public var showAtSummaryLevel: Bool
    @Defaulted public var progressPercentage: Int
    public var progressMessage: String?
    @Defaulted public var children: [ActivityLogTreeNode]
    @Defaulted public var logElements: [ActivityLogEntry]
}

/// One line of a task log.
@MemberwiseInit @PascalCaseCodingKeys public struct ActivityLogEntry: Codable, Sendable, Equatable {
    public var occurredAt: Date?
    @Defaulted public var category: ActivityLogCategory
    @Defaulted public var messageText: String
    public var detail: String?
}

extension ActivityStatus: DefaultDecodable {
    /// A body without a status: `Pending`.
    public static var decodingDefault: ActivityStatus { .pending }
}

extension ActivityLogCategory: DefaultDecodable {
    /// A body without a category: `Info`.
    public static var decodingDefault: ActivityLogCategory { .info }
}

extension TaskProgress: DefaultDecodable {
    /// Every field at its default.
    public static var decodingDefault: TaskProgress { TaskProgress() }
}
