import Foundation
import GRDB
import OctopusModel

/// Fills a new database with one of the seeds, in a single transaction.
package enum SandboxSeeder {
    /// Applies `seed` to an empty store.
    package static func seed(_ seed: SandboxConfiguration.Seed, into store: SandboxStore, configuration: SandboxConfiguration) async throws {
        let now = configuration.clock.now
        try await store.write { db in
            switch seed {
            case .empty:
                try BaseSeed.apply(to: db, now: now)
            case .sample:
                try BaseSeed.apply(to: db, now: now)
                try SampleSeed.apply(to: db, now: now)
                try SampleTenants.apply(to: db, now: now)
                try SampleCatalog.apply(to: db, now: now)
                try SampleDeploymentHistory.apply(to: db, now: now)
            case .large:
                try BaseSeed.apply(to: db, now: now)
                try SampleSeed.apply(to: db, now: now)
                try SampleTenants.apply(to: db, now: now)
                try SampleCatalog.apply(to: db, now: now)
                try SampleDeploymentHistory.apply(to: db, now: now)
                try LargeSeed.apply(to: db, now: now, parameters: configuration.largeSeed)
            }
        }
    }
}
