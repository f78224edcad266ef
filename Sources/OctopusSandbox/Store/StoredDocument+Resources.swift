import GRDB
import OctopusModel

// Storage of the configuration resources: which columns each list filter needs.

extension Space: StoredDocument {
    public static let table = DocumentTable("spaces", columns: [.init("isDefault", type: .integer)])
    public var storageID: String { id.rawValue }
    public var storageSpaceID: String? { nil }
    public var storageName: String? { name }
    public var storageColumns: [String: DatabaseValue] { ["isDefault": isDefault.databaseValue] }
}

extension User: StoredDocument {
    public static let table = DocumentTable("users", columns: [.init("username")])
    public var storageID: String { id.rawValue }
    public var storageSpaceID: String? { nil }
    public var storageName: String? { displayName }
    public var storageColumns: [String: DatabaseValue] { ["username": username.databaseValue] }
}

extension Team: StoredDocument {
    public static let table = DocumentTable("teams")
    public var storageID: String { id.rawValue }
    public var storageSpaceID: String? { spaceId?.rawValue }
    public var storageName: String? { name }
}

extension ProjectGroup: StoredDocument {
    public static let table = DocumentTable("projectGroups")
    public var storageID: String { id.rawValue }
    public var storageSpaceID: String? { spaceId.rawValue }
    public var storageName: String? { name }
}

extension Project: StoredDocument {
    public static let table = DocumentTable(
        "projects", columns: [.init("slug"), .init("projectGroupId"), .init("lifecycleId")])
    public var storageID: String { id.rawValue }
    public var storageSpaceID: String? { spaceId.rawValue }
    public var storageName: String? { name }
    public var storageColumns: [String: DatabaseValue] {
        [
            "slug": slug.databaseValue, "projectGroupId": projectGroupId.databaseValue,
            "lifecycleId": lifecycleId.databaseValue,
        ]
    }
}

extension Channel: StoredDocument {
    public static let table = DocumentTable("channels", columns: [.init("projectId"), .init("lifecycleId")])
    public var storageID: String { id.rawValue }
    public var storageSpaceID: String? { spaceId.rawValue }
    public var storageName: String? { name }
    public var storageColumns: [String: DatabaseValue] {
        ["projectId": projectId.databaseValue, "lifecycleId": lifecycleId.storageValue]
    }
}

extension Lifecycle: StoredDocument {
    public static let table = DocumentTable("lifecycles")
    public var storageID: String { id.rawValue }
    public var storageSpaceID: String? { spaceId.rawValue }
    public var storageName: String? { name }
}

extension DeploymentEnvironment: StoredDocument {
    public static let table = DocumentTable("environments", columns: [.init("sortOrder", type: .integer)])
    public var storageID: String { id.rawValue }
    public var storageSpaceID: String? { spaceId.rawValue }
    public var storageName: String? { name }
    public var storageColumns: [String: DatabaseValue] { ["sortOrder": sortOrder.databaseValue] }
}

extension Machine: StoredDocument {
    public static let table = DocumentTable("machines")
    public var storageID: String { id.rawValue }
    public var storageSpaceID: String? { spaceId.rawValue }
    public var storageName: String? { name }
}

extension DeploymentProcess: StoredDocument {
    public static let table = DocumentTable("deploymentProcesses", columns: [.init("projectId")])
    public var storageID: String { id.rawValue }
    public var storageSpaceID: String? { spaceId.rawValue }
    public var storageName: String? { nil }
    public var storageColumns: [String: DatabaseValue] { ["projectId": projectId.databaseValue] }
}

extension Release: StoredDocument {
    public static let table = DocumentTable(
        "releases", columns: [.init("projectId"), .init("channelId"), .init("version")])
    public var storageID: String { id.rawValue }
    public var storageSpaceID: String? { spaceId.rawValue }
    public var storageName: String? { version }
    public var storageColumns: [String: DatabaseValue] {
        [
            "projectId": projectId.databaseValue, "channelId": channelId.databaseValue,
            "version": version.databaseValue,
        ]
    }
}

extension VariableSet: StoredDocument {
    public static let table = DocumentTable("variableSets", columns: [.init("ownerId")])
    public var storageID: String { id }
    public var storageSpaceID: String? { spaceId.rawValue }
    public var storageName: String? { nil }
    public var storageColumns: [String: DatabaseValue] { ["ownerId": ownerId.databaseValue] }
}
