import Foundation
import GRDB
import OctopusModel

/// The sample seed's deployment history, run through the same code path as `POST /deployments`
/// and the task simulator (at historical times), so every deployment has its task, log and events:
/// every child release goes to Development and then Test, oldest first; Web API's `2021.1.0.15`
/// reaches Test and is then rolled back by redeploying `2021.1.0.14` there.
enum SampleDeploymentHistory {
    /// One historical deployment.
    struct Entry: Sendable, Equatable {
        var project: ProjectID
        var version: String
        var environment: EnvironmentID
        var time: Date
    }

    /// The history in the order it happened.
    static func entries() -> [Entry] {
        typealias Env = SampleSeed.Environments
        var entries: [Entry] = []
        for (childIndex, (project, versions)) in SampleSeed.childReleaseVersions.enumerated() {
            for (offset, version) in versions.enumerated() {
                // Releases are assembled half a day apart per project (SampleConfiguration); deploy
                // to Development an hour later and to Test six hours after that.
                let assembled = SampleConfiguration.firstReleaseDate
                    .addingTimeInterval(Double(offset * 2 + childIndex) * 86_400 / 2)
                entries.append(Entry(project: project, version: version, environment: Env.development, time: assembled.addingTimeInterval(3600)))
                entries.append(Entry(project: project, version: version, environment: Env.test, time: assembled.addingTimeInterval(7 * 3600)))
            }
        }
        if let latest = entries.filter({ $0.project == SampleSeed.Projects.webAPI && $0.environment == Env.test }).map(\.time).max() {
            entries.append(
                Entry(project: SampleSeed.Projects.webAPI, version: "2021.1.0.14", environment: Env.test, time: latest.addingTimeInterval(2 * 3600)))
        }
        return entries.sorted { $0.time < $1.time }
    }

    /// Creates the history as Riley Morgan (release manager) and runs every task to completion by `now`.
    static func apply(to db: Database, now: Date) throws {
        guard let user = try db.document(User.self, id: SampleSeed.Users.releaseManager.rawValue) else { return }
        let requester = DeploymentRequester(user: user, identityEstablishedWith: "ApiKey")
        for entry in entries() where entry.time <= now {
            guard let release = SampleSeed.releaseID(project: entry.project, version: entry.version) else { continue }
            _ = try db.createDeployment(
                Deployment(releaseId: release, environmentId: entry.environment, comments: nil),
                in: SampleSeed.spaceID, by: requester, now: entry.time, speed: 1)
        }
        _ = try db.advanceTasks(to: now)
    }
}
