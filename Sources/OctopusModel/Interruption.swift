import Foundation

/// A manual intervention or guided-failure prompt raised by a running task (`InterruptionResource`). `canTakeResponsibility` and `hasResponsibility` are computed for the calling user.
@MemberwiseInit @PascalCaseCodingKeys public struct Interruption: Codable, Sendable, Equatable {
    @Defaulted public var id: InterruptionID
    public var spaceId: SpaceID?
    @Defaulted public var title: String
    /// `ManualIntervention` or `GuidedFailure`.
    @DefaultedTo<DefaultType> public var type: String
    public var created: Date?
    @Defaulted public var isPending: Bool
    @Defaulted public var form: Form
    @Defaulted public var relatedDocumentIds: [String]
    /// Teams allowed to act; empty means anyone.
    @Defaulted public var responsibleTeamIds: [TeamID]
    public var responsibleUserId: UserID?
    @Defaulted public var canTakeResponsibility: Bool
    @Defaulted public var hasResponsibility: Bool
    public var taskId: ServerTaskID?
    public var correlationId: String?
    @Defaulted public var isLinkedToOtherInterruption: Bool
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    /// Links of the resource (`Self`, ...), server-root relative URI templates.
    @Defaulted public var links: Links
}

extension Interruption {
    /// The interruption type a body without `Type` means.
    public enum DefaultType: DecodingDefault {
        /// `"ManualIntervention"`.
        public static var value: String { "ManualIntervention" }
    }
}
