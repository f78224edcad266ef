import GRDB
import OctopusModel

/// The database schema, as one migrator. Each part of the sandbox registers its own migration from
/// its own file; to add tables, write `static func registerXMigrations(_:)` beside your code and
/// call it from ``migrator`` below (never edit a migration that has shipped: add a new one).
package enum SandboxSchema {
    /// All migrations, in order.
    package static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        registerCoreMigrations(&migrator)
        registerDeploymentMigrations(&migrator)
        registerReleaseMigrations(&migrator)
        registerTenantMigrations(&migrator)
        registerCatalogMigrations(&migrator)
        SandboxSessions.registerMigrations(&migrator)
        return migrator
    }

    /// Tables of the configuration resources (spaces, users, teams, projects, ...), id sequences
    /// and API keys.
    static func registerCoreMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("core-v1") { db in
            try db.create(table: "sandboxSequences") { table in
                table.column("kind", .text).primaryKey()
                table.column("last", .integer).notNull()
            }
            try db.create(table: "sandboxApiKeys") { table in
                table.column("apiKey", .text).primaryKey()
                table.column("userId", .text).notNull().indexed()
                table.column("purpose", .text)
            }
            try db.create(table: "sandboxTeamPermissions") { table in
                table.column("teamId", .text).notNull().indexed()
                table.column("spaceId", .text).notNull()
                table.column("permission", .text).notNull()
                table.uniqueKey(["teamId", "spaceId", "permission"])
            }
            for table in coreTables {
                try table.create(in: db)
            }
        }
    }

    /// The document tables of the configuration resources.
    static let coreTables: [DocumentTable] = [
        Space.table, User.table, Team.table, ProjectGroup.table, Project.table, Channel.table, Lifecycle.table,
        DeploymentEnvironment.table, Machine.table, DeploymentProcess.table, Release.table, VariableSet.table,
    ]
}
