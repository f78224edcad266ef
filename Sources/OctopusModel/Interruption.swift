import Foundation

/// A manual intervention or guided-failure prompt raised by a running task (`InterruptionResource`). `canTakeResponsibility` and `hasResponsibility` are computed for the calling user.
public struct Interruption: Codable, Sendable, Equatable {
    public var id: InterruptionID
    public var spaceId: SpaceID?
    public var title: String
    /// `ManualIntervention` or `GuidedFailure`.
    public var type: String
    public var created: Date?
    public var isPending: Bool
    public var form: Form
    public var relatedDocumentIds: [String]
    /// Teams allowed to act; empty means anyone.
    public var responsibleTeamIds: [TeamID]
    public var responsibleUserId: UserID?
    public var canTakeResponsibility: Bool
    public var hasResponsibility: Bool
    public var taskId: ServerTaskID?
    public var correlationId: String?
    public var isLinkedToOtherInterruption: Bool
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    /// Links of the resource (`Self`, ...), server-root relative URI templates.
    public var links: Links

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

    enum CodingKeys: String, CodingKey {
        case id = "Id"
        case spaceId = "SpaceId"
        case title = "Title"
        case type = "Type"
        case created = "Created"
        case isPending = "IsPending"
        case form = "Form"
        case relatedDocumentIds = "RelatedDocumentIds"
        case responsibleTeamIds = "ResponsibleTeamIds"
        case responsibleUserId = "ResponsibleUserId"
        case canTakeResponsibility = "CanTakeResponsibility"
        case hasResponsibility = "HasResponsibility"
        case taskId = "TaskId"
        case correlationId = "CorrelationId"
        case isLinkedToOtherInterruption = "IsLinkedToOtherInterruption"
        case lastModifiedOn = "LastModifiedOn"
        case lastModifiedBy = "LastModifiedBy"
        case links = "Links"
    }

    /// Decodes leniently: a missing field takes its default, so minimal request bodies and older servers decode.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(InterruptionID.self, forKey: .id) ?? ""
        spaceId = try c.decodeIfPresent(SpaceID.self, forKey: .spaceId)
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? ""
        type = try c.decodeIfPresent(String.self, forKey: .type) ?? "ManualIntervention"
        created = try c.decodeIfPresent(Date.self, forKey: .created)
        isPending = try c.decodeIfPresent(Bool.self, forKey: .isPending) ?? false
        form = try c.decodeIfPresent(Form.self, forKey: .form) ?? Form()
        relatedDocumentIds = try c.decodeIfPresent([String].self, forKey: .relatedDocumentIds) ?? []
        responsibleTeamIds = try c.decodeIfPresent([TeamID].self, forKey: .responsibleTeamIds) ?? []
        responsibleUserId = try c.decodeIfPresent(UserID.self, forKey: .responsibleUserId)
        canTakeResponsibility = try c.decodeIfPresent(Bool.self, forKey: .canTakeResponsibility) ?? false
        hasResponsibility = try c.decodeIfPresent(Bool.self, forKey: .hasResponsibility) ?? false
        taskId = try c.decodeIfPresent(ServerTaskID.self, forKey: .taskId)
        correlationId = try c.decodeIfPresent(String.self, forKey: .correlationId)
        isLinkedToOtherInterruption = try c.decodeIfPresent(Bool.self, forKey: .isLinkedToOtherInterruption) ?? false
        lastModifiedOn = try c.decodeIfPresent(Date.self, forKey: .lastModifiedOn)
        lastModifiedBy = try c.decodeIfPresent(String.self, forKey: .lastModifiedBy)
        links = try c.decodeIfPresent(Links.self, forKey: .links) ?? [:]
    }
}
