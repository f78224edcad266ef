import Foundation
import OctopusModel

/// A worker pool (`WorkerPoolResource`). Every space has its default pool, `WorkerPools-1`, which
/// the sample's server-side steps name; the sandbox runs those steps itself, so the pool has no
/// registered workers.
struct WorkerPool: Codable, Sendable, Equatable {
    var id: String
    var spaceId: SpaceID
    var name: String
    var description: String
    var isDefault: Bool
    var sortOrder: Int
    /// `StaticWorkerPool` or `DynamicWorkerPool`.
    var workerPoolType: String
    var canAddWorkers: Bool
    var lastModifiedOn: Date?
    var lastModifiedBy: String?
    var links: Links = [:]

    /// The default pool of `space`.
    static func defaultPool(in space: SpaceID, now: Date) -> WorkerPool {
        WorkerPool(
            id: "WorkerPools-1", spaceId: space, name: "Default Worker Pool",
            description: "The pool server-side steps run on when they name no other.", isDefault: true, sortOrder: 0,
            workerPoolType: "StaticWorkerPool", canAddWorkers: true, lastModifiedOn: now, lastModifiedBy: "system")
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case id, spaceId, name, description, isDefault, sortOrder, workerPoolType, canAddWorkers, lastModifiedOn
        case lastModifiedBy, links
    }
}
