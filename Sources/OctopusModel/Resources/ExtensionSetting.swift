/// The settings one server extension keeps on a resource (`ExtensionSettingsValues`), e.g. an
/// issue tracker's on a project. Real servers always send the list (`"ExtensionSettings": []`).
public struct ExtensionSetting: Codable, Sendable, Equatable {
    /// The extension's id.
    public var extensionId: String
    /// The extension's settings (plain-string values).
    public var values: PropertyBag

    public init(extensionId: String, values: PropertyBag = [:]) {
        self.extensionId = extensionId
        self.values = values
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case extensionId, values
    }
}
