import GRDB
import OctopusModel

// Storage of what deployments produce: deployments, server tasks and their simulated runs,
// interruptions, events and artifacts (sandbox-tasks).

extension SandboxSchema {
    /// Tables of deployments, tasks, task runs, interruptions, events and artifacts, with the
    /// composite indexes the list filters (project × environment, newest first) need at scale.
    static func registerDeploymentMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("deployments-v1") { db in
            for table in deploymentTables {
                try table.create(in: db)
            }
            // `ordinal` is the rowid, so these indexes also serve "newest first" without sorting.
            try db.execute(sql: "CREATE INDEX deployments_project_environment ON deployments(projectId, environmentId)")
            try db.execute(sql: "CREATE INDEX tasks_project_state ON tasks(projectId, state)")
            try db.create(table: "taskRuns") { table in
                table.column("taskId", .text).primaryKey()
                table.column("active", .integer).notNull().indexed()
                table.column("run", .blob).notNull()
            }
            try db.create(table: "sandboxFailureArrangements") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("arrangement", .blob).notNull()
            }
            try db.create(table: "artifactContents") { table in
                table.column("artifactId", .text).primaryKey()
                table.column("content", .blob).notNull()
            }
        }
        registerTaskEnvironmentMigration(&migrator)
        // Indexes no query uses: each costs an index write per deployment or task (a million rows in
        // the large seed). The single-column ones that remain are not redundant with the composites:
        // they keep rows in rowid order, which newest-first pages need to avoid sorting.
        migrator.registerMigration("deployments-v3-drop-unused-indexes") { db in
            for index in ["deployments_on_taskId", "deployments_on_name", "tasks_on_deploymentId", "tasks_on_name"] {
                try db.execute(sql: "DROP INDEX IF EXISTS \(index)")
            }
        }
        // The dashboard and progression show the newest deployment per tenant too (untenanted is its own
        // "tenant"): one seek at the end of each (project, environment, tenant) range.
        migrator.registerMigration("deployments-v4-project-environment-tenant") { db in
            try db.execute(sql: "CREATE INDEX deployments_project_environment_tenant ON deployments(projectId, environmentId, tenantId)")
        }
    }

    /// Tasks carry their deployment's environment and tenant in columns of their own (not in the
    /// document: Octopus's task JSON has no such fields), so the step template's hot query
    /// (`tasks?project=&environment=&states=Success`) is one index range.
    static func registerTaskEnvironmentMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("deployments-v2-task-environment") { db in
            try db.execute(sql: "ALTER TABLE tasks ADD COLUMN environmentId TEXT COLLATE NOCASE")
            try db.execute(sql: "ALTER TABLE tasks ADD COLUMN tenantId TEXT COLLATE NOCASE")
            try db.execute(sql: """
                UPDATE tasks SET
                  environmentId = (SELECT d.environmentId FROM deployments d WHERE d.id = tasks.deploymentId),
                  tenantId = (SELECT d.tenantId FROM deployments d WHERE d.id = tasks.deploymentId)
                """)
            // Every list filters by space too: ending the indexes with spaceId (and the task name)
            // lets TotalResults be counted from the index alone, without reading documents.
            try db.execute(sql: "CREATE INDEX tasks_project_environment_state ON tasks(projectId, environmentId, state, spaceId, name)")
            try db.execute(sql: "CREATE INDEX tasks_environment_space ON tasks(environmentId, spaceId)")
            try db.execute(sql: "CREATE INDEX tasks_state_space ON tasks(state, spaceId)")
            try db.execute(sql: "CREATE INDEX deployments_project_environment_space ON deployments(projectId, environmentId, spaceId)")
            try db.execute(sql: "CREATE INDEX deployments_environment_space ON deployments(environmentId, spaceId)")
            try db.execute(sql: "CREATE INDEX deployments_channel_space ON deployments(channelId, spaceId)")
            try db.execute(sql: "CREATE INDEX deployments_release_space ON deployments(releaseId, spaceId)")
        }
    }

    /// The document tables of deployment results.
    static let deploymentTables: [DocumentTable] = [
        Deployment.table, ServerTask.table, Interruption.table, Event.table, Artifact.table,
    ]
}

/// `,a,b,c,` so `regarding` filters can match one id with `instr` (ids never contain commas).
func relatedColumn(_ ids: [String]) -> DatabaseValue {
    ("," + ids.joined(separator: ",") + ",").databaseValue
}

extension Deployment: StoredDocument {
    package static let table = DocumentTable(
        "deployments",
        columns: [
            .init("projectId"), .init("environmentId"), .init("releaseId"), .init("channelId"),
            .init("tenantId"), .init("taskId"),
        ])
    package var storageID: String { id.rawValue }
    package var storageSpaceID: String? { spaceId?.rawValue }
    package var storageName: String? { name }
    package var storageColumns: [String: DatabaseValue] {
        [
            "projectId": projectId.databaseValue, "environmentId": environmentId.databaseValue,
            "releaseId": releaseId.databaseValue, "channelId": channelId.databaseValue,
            "tenantId": tenantId.storageValue, "taskId": taskId.storageValue,
        ]
    }
}

extension ServerTask: StoredDocument {
    package static let table = DocumentTable(
        "tasks",
        columns: [
            .init("projectId"), .init("deploymentId"), .init("state"),
        ])
    package var storageID: String { id.rawValue }
    package var storageSpaceID: String? { spaceId?.rawValue }
    package var storageName: String? { name }
    package var storageColumns: [String: DatabaseValue] {
        [
            "projectId": projectId.storageValue,
            "deploymentId": arguments["DeploymentId"]?.stringValue.storageValue ?? .null,
            "state": state.rawValue.databaseValue,
        ]
    }
}

extension Interruption: StoredDocument {
    package static let table = DocumentTable(
        "interruptions", columns: [.init("taskId"), .init("isPending", type: .integer), .init("related", indexed: false)])
    package var storageID: String { id.rawValue }
    package var storageSpaceID: String? { spaceId?.rawValue }
    package var storageName: String? { title }
    package var storageColumns: [String: DatabaseValue] {
        [
            "taskId": taskId.storageValue, "isPending": isPending.databaseValue,
            "related": relatedColumn(relatedDocumentIds + [id.rawValue]),
        ]
    }
}

extension Event: StoredDocument {
    package static let table = DocumentTable(
        "events",
        columns: [
            .init("category"), .init("userId"), .init("occurred"), .init("related", indexed: false),
        ])
    package var storageID: String { id.rawValue }
    package var storageSpaceID: String? { spaceId?.rawValue }
    package var storageName: String? { nil }
    package var storageColumns: [String: DatabaseValue] {
        [
            "category": category.databaseValue, "userId": userId.storageValue,
            "occurred": occurred.map { OctopusDateFormat.string(from: $0) }.storageValue,
            "related": relatedColumn(relatedDocumentIds),
        ]
    }
}

extension Artifact: StoredDocument {
    package static let table = DocumentTable(
        "artifacts", columns: [.init("serverTaskId")])
    package var storageID: String { id.rawValue }
    package var storageSpaceID: String? { spaceId?.rawValue }
    package var storageName: String? { filename }
    package var storageColumns: [String: DatabaseValue] { ["serverTaskId": serverTaskId.storageValue] }
}
