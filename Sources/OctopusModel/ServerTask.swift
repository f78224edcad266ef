import Foundation

/// The state of a server task; exactly Octopus's seven spellings.
public enum TaskState: String, Codable, Sendable, CaseIterable {
    case queued = "Queued"
    case executing = "Executing"
    case failed = "Failed"
    case canceled = "Canceled"
    case timedOut = "TimedOut"
    case success = "Success"
    case cancelling = "Cancelling"

    /// Whether the task has ended (Octopus: not Queued, Executing or Cancelling).
    public var isCompleted: Bool {
        switch self {
        case .queued, .executing, .cancelling: false
        case .failed, .canceled, .timedOut, .success: true
        }
    }
}

/// A server task (`TaskResource`); a deployment runs as one named `Deploy` with `Arguments.DeploymentId`.
@MemberwiseInit @PascalCaseCodingKeys public struct ServerTask: Codable, Sendable, Equatable {
    @Defaulted public var id: ServerTaskID
    public var spaceId: SpaceID?
    @DefaultedTo<DefaultName> public var name: String
    @Defaulted public var description: String
    /// `{"DeploymentId": "Deployments-N"}` for deployments.
    @Defaulted public var arguments: [String: TaskArgument]
    @Defaulted public var state: TaskState
    @Defaulted public var isCompleted: Bool
    @Defaulted public var finishedSuccessfully: Bool
    @Defaulted public var hasPendingInterruptions: Bool
    @Defaulted public var hasWarningsOrErrors: Bool
    @Defaulted public var errorMessage: String
    public var queueTime: Date?
    public var queueTimeExpiry: Date?
    public var startTime: Date?
    public var lastUpdatedTime: Date?
    public var completedTime: Date?
    /// Human-readable completion time.
    public var completed: String?
    /// Human-readable duration, e.g. "32 seconds".
    public var duration: String?
    public var serverNode: String?
    @Defaulted public var hasBeenPickedUpByProcessor: Bool
    @Defaulted public var canRerun: Bool
    public var projectId: ProjectID?
    /// `ManualIntervention` / `GuidedFailure` while an interruption awaits.
    @Defaulted public var pendingInterruptionTypes: [String]
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    /// Links of the resource (`Self`, ...), server-root relative URI templates.
    @Defaulted public var links: Links
}

/// A value in a task's `Arguments`: deployment tasks carry strings, other tasks may carry anything JSON.
public enum TaskArgument: Codable, Sendable, Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case array([TaskArgument])
    case object([String: TaskArgument])
    case null

    /// The string, when this is one.
    public var stringValue: String? {
        if case .string(let s) = self { s } else { nil }
    }

    /// Decodes any JSON value.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([TaskArgument].self) { self = .array(a) }
        else { self = .object(try c.decode([String: TaskArgument].self)) }
    }

    /// Encodes the JSON value.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .string(let s): try c.encode(s)
        case .number(let n): try c.encode(n)
        case .bool(let b): try c.encode(b)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        case .null: try c.encodeNil()
        }
    }
}

extension ServerTask {
    /// The task type a body without `Name` means.
    public enum DefaultName: DecodingDefault {
        /// `"Deploy"`.
        public static var value: String { "Deploy" }
    }
}

extension TaskState: DefaultDecodable {
    /// A body without a state: `Queued`.
    public static var decodingDefault: TaskState { .queued }
}

extension ServerTask: DefaultDecodable {
    /// Every field at its default.
    public static var decodingDefault: ServerTask { ServerTask() }
}
