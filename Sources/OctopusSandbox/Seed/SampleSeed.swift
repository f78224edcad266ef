import Foundation
import GRDB
import OctopusModel

/// The sample application of the blog post that introduced the "Deploy Child Octopus Deploy
/// Project" step template: four component projects (Database, Scheduling Service, Web API, Web UI)
/// promoted Development -> Test -> Staging -> Production, plus a "Release Orchestration" parent
/// project (Staging -> Prod Approval -> Production).
///
/// Every id and API key below is fixed, so tests of every module can use them.
/// The deployment history is applied by the task simulator's part of the seed.
public enum SampleSeed {
    // MARK: API keys (a local sandbox's fixed credentials; never real secrets)

    /// The "Release Conductor" service account (team Release Management: every permission).
    public static let releaseConductorAPIKey = "API-SANDBOXRELEASECONDUCTOR000000001"
    /// Riley Morgan, release manager (team Release Management).
    public static let releaseManagerAPIKey = "API-SANDBOXRELEASEMANAGER00000000002"
    /// Quinn Tester (team QA: view and approve).
    public static let qaAPIKey = "API-SANDBOXQATESTER00000000000000003"
    /// Wes Admin (team Web Admins: view and approve).
    public static let webAdminAPIKey = "API-SANDBOXWEBADMIN00000000000000004"
    /// Olivia Owner (team Business Owners: view and approve).
    public static let businessOwnerAPIKey = "API-SANDBOXBUSINESSOWNER000000000005"
    /// Guest Viewer: a user in no space team (every space-scoped request is a 403).
    public static let guestAPIKey = "API-SANDBOXGUEST00000000000000000006"

    /// A seeded user with its API key, for printing and tests.
    public struct Account: Sendable, Equatable {
        public let userID: UserID
        public let displayName: String
        public let apiKey: String
        /// What the account may do, in a few words.
        public let role: String
    }

    /// Every seeded account (the same in every seed), in id order.
    public static let accounts: [Account] = [
        Account(userID: Users.releaseConductor, displayName: "Release Conductor", apiKey: releaseConductorAPIKey,
                role: "service account, Release Management: everything"),
        Account(userID: Users.releaseManager, displayName: "Riley Morgan", apiKey: releaseManagerAPIKey,
                role: "Release Management: everything"),
        Account(userID: Users.qaEngineer, displayName: "Quinn Tester", apiKey: qaAPIKey, role: "QA: view, approve"),
        Account(userID: Users.webAdmin, displayName: "Wes Admin", apiKey: webAdminAPIKey, role: "Web Admins: view, approve"),
        Account(userID: Users.businessOwner, displayName: "Olivia Owner", apiKey: businessOwnerAPIKey,
                role: "Business Owners: view, approve"),
        Account(userID: Users.guest, displayName: "Guest Viewer", apiKey: guestAPIKey, role: "no space access (403s)"),
    ]

    /// The default space.
    public static let spaceID: SpaceID = "Spaces-1"

    /// Users of the sample organisation.
    public enum Users {
        public static let releaseConductor: UserID = "Users-1"
        public static let releaseManager: UserID = "Users-2"
        public static let qaEngineer: UserID = "Users-3"
        public static let webAdmin: UserID = "Users-4"
        public static let businessOwner: UserID = "Users-5"
        public static let guest: UserID = "Users-6"
    }

    /// Teams of the sample organisation.
    public enum Teams {
        public static let releaseManagement: TeamID = "Teams-1"
        public static let qa: TeamID = "Teams-2"
        public static let webAdmins: TeamID = "Teams-3"
        public static let businessOwners: TeamID = "Teams-4"
    }

    /// Environments, in `SortOrder`.
    public enum Environments {
        public static let development: EnvironmentID = "Environments-1"
        public static let test: EnvironmentID = "Environments-2"
        public static let staging: EnvironmentID = "Environments-3"
        public static let prodApproval: EnvironmentID = "Environments-4"
        public static let production: EnvironmentID = "Environments-5"
    }

    /// Lifecycles.
    public enum Lifecycles {
        /// Phase-less: one implicit phase per environment in SortOrder.
        public static let defaultLifecycle: LifecycleID = "Lifecycles-1"
        /// Development -> Test -> Staging -> Production (the component projects).
        public static let component: LifecycleID = "Lifecycles-2"
        /// Staging -> Prod Approval -> Production (the orchestration project).
        public static let orchestration: LifecycleID = "Lifecycles-3"
        /// Staging -> Production (Web API's Hotfix channel).
        public static let hotfix: LifecycleID = "Lifecycles-4"
    }

    /// Project groups.
    public enum ProjectGroups {
        public static let defaultGroup: ProjectGroupID = "ProjectGroups-1"
        public static let sampleApplication: ProjectGroupID = "ProjectGroups-2"
        public static let releaseOrchestration: ProjectGroupID = "ProjectGroups-3"
    }

    /// Projects.
    public enum Projects {
        public static let database: ProjectID = "Projects-1"
        public static let schedulingService: ProjectID = "Projects-2"
        public static let webAPI: ProjectID = "Projects-3"
        public static let webUI: ProjectID = "Projects-4"
        public static let releaseOrchestration: ProjectID = "Projects-5"
        /// The four component (child) projects, in deployment order.
        public static let children: [ProjectID] = [database, schedulingService, webAPI, webUI]
    }

    /// Channels: `Channels-1`...`Channels-5` are the projects' default channels (same order as the
    /// projects); `Channels-6` is Web API's Hotfix channel.
    public enum Channels {
        public static let databaseDefault: ChannelID = "Channels-1"
        public static let schedulingServiceDefault: ChannelID = "Channels-2"
        public static let webAPIDefault: ChannelID = "Channels-3"
        public static let webUIDefault: ChannelID = "Channels-4"
        public static let releaseOrchestrationDefault: ChannelID = "Channels-5"
        public static let webAPIHotfix: ChannelID = "Channels-6"
    }

    /// Release versions per child project, oldest first (`2021.1.0.x`). Release ids are allocated
    /// in this order: Database's first, ..., Web UI's last, then the parent's `2021.1.0`.
    public static let childReleaseVersions: [(ProjectID, [String])] = [
        (Projects.database, ["2021.1.0.8", "2021.1.0.9", "2021.1.0.10"]),
        (Projects.schedulingService, ["2021.1.0.5", "2021.1.0.6", "2021.1.0.7"]),
        (Projects.webAPI, ["2021.1.0.13", "2021.1.0.14", "2021.1.0.15"]),
        (Projects.webUI, ["2021.1.0.10", "2021.1.0.11", "2021.1.0.12"]),
    ]

    /// The parent project's release.
    public static let orchestrationReleaseVersion = "2021.1.0"

    /// The release with the given project and version, as the seed allocates ids.
    public static func releaseID(project: ProjectID, version: String) -> ReleaseID? {
        var number = 0
        for (candidate, versions) in childReleaseVersions {
            for candidateVersion in versions {
                number += 1
                if candidate == project && candidateVersion == version { return ReleaseID(number: number) }
            }
        }
        number += 1
        return project == Projects.releaseOrchestration && version == orchestrationReleaseVersion
            ? ReleaseID(number: number) : nil
    }

    /// Applies the sample configuration (after ``BaseSeed``).
    static func apply(to db: Database, now: Date) throws {
        try SampleConfiguration(db: db, now: now).apply()
    }
}
