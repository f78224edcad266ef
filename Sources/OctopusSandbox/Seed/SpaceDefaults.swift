import Foundation
import GRDB
import OctopusModel

/// What Octopus creates with every space: the built-in package feed, the default machine policy
/// and the default worker pool.
enum SpaceDefaults {
    static func apply(to db: Database, space: SpaceID, now: Date) throws {
        try db.insert(Feed.builtIn(in: space, now: now))
        try db.insert(MachinePolicy.defaultPolicy(in: space, now: now))
        try db.insert(WorkerPool.defaultPool(in: space, now: now))
    }
}
