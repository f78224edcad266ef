import Foundation

/// A user (`UserResource`). `DisplayName` is never null; `Links.Spaces` is mandatory for the .NET
/// client's default-space discovery.
@MemberwiseInit @PascalCaseCodingKeys public struct User: Codable, Sendable, Equatable {
    public var id: UserID
    public var username: String
    public var displayName: String
    public var isActive: Bool = true
    /// Service accounts authenticate only with API keys.
    public var isService: Bool = false
    public var emailAddress: String?
    public var canPasswordBeEdited: Bool = true
    public var isRequestor: Bool = false
    public var identities: [UserIdentity] = []
    public var created: Date?
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    public var links: Links = [:]
}

/// A login identity of a user (`IdentityResource`).
@MemberwiseInit @PascalCaseCodingKeys public struct UserIdentity: Codable, Sendable, Equatable {
    /// e.g. "Octopus ID" or "Username - Password".
    public var identityProviderName: String
    public var claims: [String: IdentityClaim] = [:]
}

/// One claim of an identity (`IdentityClaimResource`).
@MemberwiseInit @PascalCaseCodingKeys public struct IdentityClaim: Codable, Sendable, Equatable {
    public var value: String?
    public var isIdentifyingClaim: Bool = false
}
