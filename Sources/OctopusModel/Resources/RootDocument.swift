/// `GET /api`: the server's root document (`RootResource`). Its `Links` are RFC 6570 templates;
/// space-scoped ones already point at the default space.
public struct RootDocument: Codable, Sendable, Equatable {
    public var id: String?
    /// "Octopus Deploy".
    public var application: String
    /// Server version, e.g. "2024.3.0".
    public var version: String
    /// Always "3.0.0"; clients reject other majors.
    public var apiVersion: String
    public var installationId: String?
    public var isEarlyAccessProgram: Bool?
    public var hasLongTermSupport: Bool?
    public var links: Links

    public init(
        id: String? = nil, application: String = "Octopus Deploy", version: String, apiVersion: String = "3.0.0",
        installationId: String? = nil, isEarlyAccessProgram: Bool? = false, hasLongTermSupport: Bool? = false,
        links: Links = [:]
    ) {
        self.id = id
        self.application = application
        self.version = version
        self.apiVersion = apiVersion
        self.installationId = installationId
        self.isEarlyAccessProgram = isEarlyAccessProgram
        self.hasLongTermSupport = hasLongTermSupport
        self.links = links
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, application, version, apiVersion, installationId, isEarlyAccessProgram, hasLongTermSupport, links
    }
}
