import GRDB
import OctopusModel

// Storage of the configuration resources: which columns each list filter needs.

extension Space: StoredDocument {
    package static let table = DocumentTable("spaces", columns: [.init("isDefault", type: .integer)])
    package var storageID: String { id.rawValue }
    package var storageSpaceID: String? { nil }
    package var storageName: String? { name }
    package var storageColumns: [String: DatabaseValue] { ["isDefault": isDefault.databaseValue] }
}

extension User: StoredDocument {
    package static let table = DocumentTable("users", columns: [.init("username")])
    package var storageID: String { id.rawValue }
    package var storageSpaceID: String? { nil }
    package var storageName: String? { displayName }
    package var storageColumns: [String: DatabaseValue] { ["username": username.databaseValue] }
}

extension Team: StoredDocument {
    package static let table = DocumentTable("teams")
    package var storageID: String { id.rawValue }
    package var storageSpaceID: String? { spaceId?.rawValue }
    package var storageName: String? { name }
}

extension ProjectGroup: StoredDocument {
    package static let table = DocumentTable("projectGroups")
    package var storageID: String { id.rawValue }
    package var storageSpaceID: String? { spaceId.rawValue }
    package var storageName: String? { name }
}

extension Project: StoredDocument {
    package static let table = DocumentTable(
        "projects", columns: [.init("slug"), .init("projectGroupId"), .init("lifecycleId")])
    package var storageID: String { id.rawValue }
    package var storageSpaceID: String? { spaceId.rawValue }
    package var storageName: String? { name }
    package var storageColumns: [String: DatabaseValue] {
        [
            "slug": slug.databaseValue, "projectGroupId": projectGroupId.databaseValue,
            "lifecycleId": lifecycleId.databaseValue,
        ]
    }
}

extension Channel: StoredDocument {
    package static let table = DocumentTable("channels", columns: [.init("projectId"), .init("lifecycleId")])
    package var storageID: String { id.rawValue }
    package var storageSpaceID: String? { spaceId.rawValue }
    package var storageName: String? { name }
    package var storageColumns: [String: DatabaseValue] {
        ["projectId": projectId.databaseValue, "lifecycleId": lifecycleId.storageValue]
    }
}

extension Lifecycle: StoredDocument {
    package static let table = DocumentTable("lifecycles")
    package var storageID: String { id.rawValue }
    package var storageSpaceID: String? { spaceId.rawValue }
    package var storageName: String? { name }
}

extension DeploymentEnvironment: StoredDocument {
    package static let table = DocumentTable("environments", columns: [.init("sortOrder", type: .integer)])
    package var storageID: String { id.rawValue }
    package var storageSpaceID: String? { spaceId.rawValue }
    package var storageName: String? { name }
    package var storageColumns: [String: DatabaseValue] { ["sortOrder": sortOrder.databaseValue] }
}

extension Machine: StoredDocument {
    package static let table = DocumentTable("machines")
    package var storageID: String { id.rawValue }
    package var storageSpaceID: String? { spaceId.rawValue }
    package var storageName: String? { name }
}

extension DeploymentProcess: StoredDocument {
    package static let table = DocumentTable("deploymentProcesses", columns: [.init("projectId")])
    package var storageID: String { id.rawValue }
    package var storageSpaceID: String? { spaceId.rawValue }
    package var storageName: String? { nil }
    package var storageColumns: [String: DatabaseValue] { ["projectId": projectId.databaseValue] }
}

extension Release: StoredDocument {
    package static let table = DocumentTable(
        "releases", columns: [.init("projectId"), .init("channelId"), .init("version")])
    package var storageID: String { id.rawValue }
    package var storageSpaceID: String? { spaceId.rawValue }
    package var storageName: String? { version }
    package var storageColumns: [String: DatabaseValue] {
        [
            "projectId": projectId.databaseValue, "channelId": channelId.databaseValue,
            "version": version.databaseValue,
        ]
    }
}

extension VariableSet: StoredDocument {
    package static let table = DocumentTable("variableSets", columns: [.init("ownerId")])
    package var storageID: String { id }
    package var storageSpaceID: String? { spaceId.rawValue }
    package var storageName: String? { nil }
    package var storageColumns: [String: DatabaseValue] { ["ownerId": ownerId.databaseValue] }
}
