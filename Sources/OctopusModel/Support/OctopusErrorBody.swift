/// The body Octopus returns with a 4xx/5xx status.
///
/// `ErrorMessage` is always present; `Errors` lists validation messages (400/409); `FullException`
/// carries a server stack trace on 500s; `Details` holds validation key/values; `HelpText` and
/// `HelpLink` point at documentation.
@MemberwiseInit @PascalCaseCodingKeys public struct OctopusErrorBody: Codable, Sendable, Equatable, Error {
    /// Summary, e.g. "The resource you requested was not found.".
    public var errorMessage: String
    /// Individual validation messages.
    public var errors: [String] = []
    /// Server stack trace (500s only).
    public var fullException: String?
    /// Optional key/value validation details.
    public var details: [String: String]?
    /// Optional help text.
    public var helpText: String?
    /// Optional documentation link.
    public var helpLink: String?

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        errorMessage = try container.decodeIfPresent(String.self, forKey: .errorMessage) ?? ""
        errors = try container.decodeIfPresent([String].self, forKey: .errors) ?? []
        fullException = try container.decodeIfPresent(String.self, forKey: .fullException)
        details = try? container.decodeIfPresent([String: String].self, forKey: .details)
        helpText = try container.decodeIfPresent(String.self, forKey: .helpText)
        helpLink = try container.decodeIfPresent(String.self, forKey: .helpLink)
    }
}
