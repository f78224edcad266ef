import GRDB
import OctopusModel

// Storage of the space catalog: feeds and their packages, build information, step templates,
// tag sets, worker pools, machine policies and library variable sets, one document table each.

extension Feed: StoredDocument {
    var storageColumns: [String: DatabaseValue] { ["feedType": feedType.databaseValue] }
    static let table = DocumentTable("feeds", columns: [.init("feedType")])
    var storageID: String { id }
    var storageSpaceID: String? { spaceId.rawValue }
    var storageName: String? { name }
}

extension FeedPackage: StoredDocument {
    static let table = DocumentTable("feedPackages", columns: [.init("packageId"), .init("feedId")])
    var storageID: String { id }
    var storageSpaceID: String? { spaceId.rawValue }
    var storageName: String? { packageId }
    var storageColumns: [String: DatabaseValue] { ["packageId": packageId.databaseValue, "feedId": feedId.databaseValue] }
}

extension PackageBuildInformation: StoredDocument {
    static let table = DocumentTable("buildInformation", columns: [.init("packageId"), .init("version")])
    var storageID: String { id }
    var storageSpaceID: String? { spaceId.rawValue }
    var storageName: String? { information.packageId }
    var storageColumns: [String: DatabaseValue] {
        ["packageId": information.packageId.databaseValue, "version": information.version.databaseValue]
    }
}

extension ActionTemplate: StoredDocument {
    static let table = DocumentTable("actionTemplates")
    var storageID: String { id }
    var storageSpaceID: String? { spaceId.rawValue }
    var storageName: String? { name }
}

extension TagSet: StoredDocument {
    static let table = DocumentTable("tagSets", columns: [.init("sortOrder", type: .integer)])
    var storageID: String { id }
    var storageSpaceID: String? { spaceId.rawValue }
    var storageName: String? { name }
    var storageColumns: [String: DatabaseValue] { ["sortOrder": sortOrder.databaseValue] }
}

extension WorkerPool: StoredDocument {
    static let table = DocumentTable("workerPools", columns: [.init("sortOrder", type: .integer)])
    var storageID: String { id }
    var storageSpaceID: String? { spaceId.rawValue }
    var storageName: String? { name }
    var storageColumns: [String: DatabaseValue] { ["sortOrder": sortOrder.databaseValue] }
}

extension MachinePolicy: StoredDocument {
    static let table = DocumentTable("machinePolicies")
    var storageID: String { id }
    var storageSpaceID: String? { spaceId.rawValue }
    var storageName: String? { name }
}

extension LibraryVariableSet: StoredDocument {
    static let table = DocumentTable("libraryVariableSets", columns: [.init("contentType")])
    var storageID: String { id }
    var storageSpaceID: String? { spaceId.rawValue }
    var storageName: String? { name }
    var storageColumns: [String: DatabaseValue] { ["contentType": contentType.databaseValue] }
}

extension SandboxSchema {
    /// The catalog tables.
    static func registerCatalogMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("catalog-v1") { db in
            let tables: [DocumentTable] = [
                Feed.table, FeedPackage.table, PackageBuildInformation.table, ActionTemplate.table, TagSet.table,
                WorkerPool.table, MachinePolicy.table, LibraryVariableSet.table,
            ]
            for table in tables { try table.create(in: db) }
        }
    }
}
