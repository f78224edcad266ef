import Foundation
import GRDB
import OctopusModel

/// What every sandbox has: the default space, the users and teams of the sample organisation, and
/// their fixed API keys (``SampleSeed`` documents them).
enum BaseSeed {
    static func apply(to db: Database, now: Date) throws {
        let space = SampleSeed.spaceID
        try db.insert(
            Space(
                id: space, name: "Default", slug: "default", description: "The default space.", isDefault: true,
                spaceManagersTeams: [SampleSeed.Teams.releaseManagement], lastModifiedOn: now, lastModifiedBy: "system"))
        try db.reserveIDs(OctopusIDKinds.Space.self, through: 1)
        try SpaceDefaults.apply(to: db, space: space, now: now)

        let users: [(User, String)] = [
            (User(id: SampleSeed.Users.releaseConductor, username: "release-conductor", displayName: "Release Conductor",
                  isService: true, emailAddress: nil, canPasswordBeEdited: false, created: now),
             SampleSeed.releaseConductorAPIKey),
            (User(id: SampleSeed.Users.releaseManager, username: "riley", displayName: "Riley Morgan",
                  emailAddress: "riley@example.com", created: now), SampleSeed.releaseManagerAPIKey),
            (User(id: SampleSeed.Users.qaEngineer, username: "quinn", displayName: "Quinn Tester",
                  emailAddress: "quinn@example.com", created: now), SampleSeed.qaAPIKey),
            (User(id: SampleSeed.Users.webAdmin, username: "wes", displayName: "Wes Admin",
                  emailAddress: "wes@example.com", created: now), SampleSeed.webAdminAPIKey),
            (User(id: SampleSeed.Users.businessOwner, username: "olivia", displayName: "Olivia Owner",
                  emailAddress: "olivia@example.com", created: now), SampleSeed.businessOwnerAPIKey),
            (User(id: SampleSeed.Users.guest, username: "guest", displayName: "Guest Viewer",
                  emailAddress: "guest@example.com", created: now), SampleSeed.guestAPIKey),
        ]
        for (user, key) in users {
            var user = user
            user.lastModifiedOn = now
            user.lastModifiedBy = "system"
            try db.insert(user)
            try db.addAPIKey(key, for: user.id, purpose: "Sandbox seed key for \(user.username)")
            if !user.isService {
                try db.setPassword(SandboxSessions.seededPassword(username: user.username), for: user.id)
            }
        }
        try db.reserveIDs(OctopusIDKinds.User.self, through: users.count)

        let teams: [(Team, Set<SandboxPermission>)] = [
            (Team(id: SampleSeed.Teams.releaseManagement, spaceId: space, name: "Release Management",
                  description: "Creates deployments and approves child manual interventions on behalf of approvers.",
                  memberUserIds: [SampleSeed.Users.releaseConductor, SampleSeed.Users.releaseManager]),
             SandboxPermission.releaseManager),
            (Team(id: SampleSeed.Teams.qa, spaceId: space, name: "QA", description: "Approves Production deployments.",
                  memberUserIds: [SampleSeed.Users.qaEngineer]), SandboxPermission.approver),
            (Team(id: SampleSeed.Teams.webAdmins, spaceId: space, name: "Web Admins",
                  description: "Approves web deployments to Staging and Production.",
                  memberUserIds: [SampleSeed.Users.webAdmin]), SandboxPermission.approver),
            (Team(id: SampleSeed.Teams.businessOwners, spaceId: space, name: "Business Owners",
                  description: "Approves releases of the application.",
                  memberUserIds: [SampleSeed.Users.businessOwner]), SandboxPermission.approver),
        ]
        for (team, permissions) in teams {
            var team = team
            team.lastModifiedOn = now
            team.lastModifiedBy = "system"
            try db.insert(team)
            try db.grant(permissions, to: team.id, in: space)
        }
        try db.reserveIDs(OctopusIDKinds.Team.self, through: teams.count)
        // Built-in system teams: lower-case ids, no space, cannot be deleted or renamed.
        try db.insert(
            Team(id: "teams-administrators", name: "Octopus Administrators",
                 description: "Octopus administrators can do everything.", memberUserIds: [],
                 canBeDeleted: false, canBeRenamed: false, canChangeRoles: false, lastModifiedOn: now))
        try db.insert(
            Team(id: "teams-everyone", name: "Everyone", description: "Every user belongs to this team.",
                 memberUserIds: users.map(\.0.id), canBeDeleted: false, canBeRenamed: false, canChangeMembers: false,
                 lastModifiedOn: now))
    }
}
