import Foundation

/// A user (`UserResource`). `DisplayName` is never null; `Links.Spaces` is mandatory for the .NET
/// client's default-space discovery.
public struct User: Codable, Sendable, Equatable {
    public var id: UserID
    public var username: String
    public var displayName: String
    public var isActive: Bool
    /// Service accounts authenticate only with API keys.
    public var isService: Bool
    public var emailAddress: String?
    public var canPasswordBeEdited: Bool
    public var isRequestor: Bool
    public var identities: [UserIdentity]
    public var created: Date?
    public var lastModifiedOn: Date?
    public var lastModifiedBy: String?
    public var links: Links

    public init(
        id: UserID, username: String, displayName: String, isActive: Bool = true, isService: Bool = false,
        emailAddress: String? = nil, canPasswordBeEdited: Bool = true, isRequestor: Bool = false,
        identities: [UserIdentity] = [], created: Date? = nil, lastModifiedOn: Date? = nil,
        lastModifiedBy: String? = nil, links: Links = [:]
    ) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.isActive = isActive
        self.isService = isService
        self.emailAddress = emailAddress
        self.canPasswordBeEdited = canPasswordBeEdited
        self.isRequestor = isRequestor
        self.identities = identities
        self.created = created
        self.lastModifiedOn = lastModifiedOn
        self.lastModifiedBy = lastModifiedBy
        self.links = links
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, username, displayName, isActive, isService, emailAddress, canPasswordBeEdited, isRequestor
        case identities, created, lastModifiedOn, lastModifiedBy, links
    }
}

/// A login identity of a user (`IdentityResource`).
public struct UserIdentity: Codable, Sendable, Equatable {
    /// e.g. "Octopus ID" or "Username - Password".
    public var identityProviderName: String
    public var claims: [String: IdentityClaim]

    public init(identityProviderName: String, claims: [String: IdentityClaim] = [:]) {
        self.identityProviderName = identityProviderName
        self.claims = claims
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case identityProviderName, claims
    }
}

/// One claim of an identity (`IdentityClaimResource`).
public struct IdentityClaim: Codable, Sendable, Equatable {
    public var value: String?
    public var isIdentifyingClaim: Bool

    public init(value: String?, isIdentifyingClaim: Bool = false) {
        self.value = value
        self.isIdentifyingClaim = isIdentifyingClaim
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case value, isIdentifyingClaim
    }
}
