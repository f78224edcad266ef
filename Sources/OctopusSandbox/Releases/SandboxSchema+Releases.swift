import GRDB
import OctopusModel

// Storage of releases beyond their document table: the order a deployment's changes are read in.

extension SandboxSchema {
    /// A release's `Assembled` time as SQL: the stored documents all carry it in one UTC form with
    /// milliseconds (``OctopusDateFormat``), so comparing the texts compares the times.
    static let releaseAssembled = "json_extract(document, '$.Assembled')"

    /// An index over each project's and channel's releases by assembly time, so a deployment preview's
    /// changes (the releases after the one current in the environment) are one index range instead of
    /// decoding every release of the project (2,000 in the `large` seed, for each child of a what-if).
    static func registerReleaseMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("releases-v1-assembled") { db in
            try db.execute(
                sql: "CREATE INDEX releases_project_channel_assembled ON releases(projectId, channelId, \(releaseAssembled))")
        }
    }
}
