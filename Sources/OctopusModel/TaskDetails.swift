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
public struct TaskDetails: Codable, Sendable, Equatable {
    public var id: String?
    @Defaulted public var task: ServerTask
    @Defaulted public var activityLogs: [ActivityLogTreeNode]
    @Defaulted public var physicalLogSize: Int64
    @Defaulted public var progress: TaskProgress
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    /// Links of the resource (`Self`, ...), server-root relative URI templates.
    @Defaulted public var links: Links

    /// Creates a value; every field has the default an unset Octopus field has.
    public init(
        id: String? = nil,
        task: ServerTask = ServerTask(),
        activityLogs: [ActivityLogTreeNode] = [],
        physicalLogSize: Int64 = 0,
        progress: TaskProgress = TaskProgress(),
        lastModifiedOn: Date? = nil,
        lastModifiedBy: String? = nil,
        links: Links = [:]
    ) {
        self.id = id
        self.task = task
        self.activityLogs = activityLogs
        self.physicalLogSize = physicalLogSize
        self.progress = progress
        self.lastModifiedOn = lastModifiedOn
        self.lastModifiedBy = lastModifiedBy
        self.links = links
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, task, activityLogs, physicalLogSize, progress, lastModifiedOn, lastModifiedBy, links
    }
}

/// How far a task has come.
public struct TaskProgress: Codable, Sendable, Equatable {
    @Defaulted public var progressPercentage: Int
    public var estimatedTimeRemaining: String?

    /// Creates a value; every field has the default an unset Octopus field has.
    public init(
        progressPercentage: Int = 0,
        estimatedTimeRemaining: String? = nil
    ) {
        self.progressPercentage = progressPercentage
        self.estimatedTimeRemaining = estimatedTimeRemaining
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case progressPercentage, estimatedTimeRemaining
    }
}

/// A node of a task's activity log: the task, a step, a target or action.
public struct ActivityLogTreeNode: Codable, Sendable, Equatable {
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

    /// Creates a value; every field has the default an unset Octopus field has.
    public init(
        id: String = "",
        name: String = "",
        started: Date? = nil,
        ended: Date? = nil,
        status: ActivityStatus = .pending,
        showAtSummaryLevel: Bool = false,
        progressPercentage: Int = 0,
        progressMessage: String? = nil,
        children: [ActivityLogTreeNode] = [],
        logElements: [ActivityLogEntry] = []
    ) {
        self.id = id
        self.name = name
        self.started = started
        self.ended = ended
        self.status = status
        self.showAtSummaryLevel = showAtSummaryLevel
        self.progressPercentage = progressPercentage
        self.progressMessage = progressMessage
        self.children = children
        self.logElements = logElements
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, name, started, ended, status, showAtSummaryLevel, progressPercentage, progressMessage, children
        case logElements
    }
}

/// One line of a task log.
public struct ActivityLogEntry: Codable, Sendable, Equatable {
    public var occurredAt: Date?
    @Defaulted public var category: ActivityLogCategory
    @Defaulted public var messageText: String
    public var detail: String?

    /// Creates a value; every field has the default an unset Octopus field has.
    public init(
        occurredAt: Date? = nil,
        category: ActivityLogCategory = .info,
        messageText: String = "",
        detail: String? = nil
    ) {
        self.occurredAt = occurredAt
        self.category = category
        self.messageText = messageText
        self.detail = detail
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case occurredAt, category, messageText, detail
    }
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
