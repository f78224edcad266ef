/// `GET /api`: the server's root document (`RootResource`). Its `Links` are RFC 6570 templates;
/// space-scoped ones already point at the default space.
@MemberwiseInit @PascalCaseCodingKeys public struct RootDocument: Codable, Sendable, Equatable {
    public var id: String?
    /// "Octopus Deploy".
    public var application: String = "Octopus Deploy"
    /// Server version, e.g. "2024.3.0".
    public var version: String
    /// Always "3.0.0"; clients reject other majors.
    public var apiVersion: String = "3.0.0"
    public var installationId: String?
    public var isEarlyAccessProgram: Bool? = false
    public var hasLongTermSupport: Bool? = false
    public var links: Links = [:]
}
