import Foundation

/// A manual intervention or guided-failure prompt raised by a running task (`InterruptionResource`). `canTakeResponsibility` and `hasResponsibility` are computed for the calling user.
public struct Interruption: Codable, Sendable, Equatable {
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

    /// Creates a value; every field has the default an unset Octopus field has.
    public init(
        id: InterruptionID = "",
        spaceId: SpaceID? = nil,
        title: String = "",
        type: String = "ManualIntervention",
        created: Date? = nil,
        isPending: Bool = false,
        form: Form = Form(),
        relatedDocumentIds: [String] = [],
        responsibleTeamIds: [TeamID] = [],
        responsibleUserId: UserID? = nil,
        canTakeResponsibility: Bool = false,
        hasResponsibility: Bool = false,
        taskId: ServerTaskID? = nil,
        correlationId: String? = nil,
        isLinkedToOtherInterruption: Bool = false,
        lastModifiedOn: Date? = nil,
        lastModifiedBy: String? = nil,
        links: Links = [:]
    ) {
        self.id = id
        self.spaceId = spaceId
        self.title = title
        self.type = type
        self.created = created
        self.isPending = isPending
        self.form = form
        self.relatedDocumentIds = relatedDocumentIds
        self.responsibleTeamIds = responsibleTeamIds
        self.responsibleUserId = responsibleUserId
        self.canTakeResponsibility = canTakeResponsibility
        self.hasResponsibility = hasResponsibility
        self.taskId = taskId
        self.correlationId = correlationId
        self.isLinkedToOtherInterruption = isLinkedToOtherInterruption
        self.lastModifiedOn = lastModifiedOn
        self.lastModifiedBy = lastModifiedBy
        self.links = links
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, spaceId, title, type, created, isPending, form, relatedDocumentIds, responsibleTeamIds
        case responsibleUserId, canTakeResponsibility, hasResponsibility, taskId, correlationId
        case isLinkedToOtherInterruption, lastModifiedOn, lastModifiedBy, links
    }
}

extension Interruption {
    /// The interruption type a body without `Type` means.
    public enum DefaultType: DecodingDefault {
        /// `"ManualIntervention"`.
        public static var value: String { "ManualIntervention" }
    }
}
