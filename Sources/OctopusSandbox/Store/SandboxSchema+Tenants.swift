import GRDB
import OctopusModel

// Storage of tenants (tenants engineer): one document table; the project and tag filters read the
// documents' arrays in memory, as the machine filters do (a space has few tenants).

extension Tenant: StoredDocument {
    package static let table = DocumentTable("tenants")
    package var storageID: String { id.rawValue }
    package var storageSpaceID: String? { spaceId.rawValue }
    package var storageName: String? { name }
}

extension SandboxSchema {
    /// The tenants table.
    static func registerTenantMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("tenants-v1") { db in
            try Tenant.table.create(in: db)
        }
    }
}
