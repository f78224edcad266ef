/// The settings one server extension keeps on a resource (`ExtensionSettingsValues`), e.g. an
/// issue tracker's on a project. Real servers always send the list (`"ExtensionSettings": []`).
@MemberwiseInit @PascalCaseCodingKeys public struct ExtensionSetting: Codable, Sendable, Equatable {
    /// The extension's id.
    public var extensionId: String
    /// The extension's settings (plain-string values).
    public var values: PropertyBag = [:]
}
