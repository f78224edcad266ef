import Foundation
import OctopusModel

/// Someone whose approval may stand in for a child's manual intervention, with the teams they belong to.
public struct Approver: Codable, Hashable, Sendable {
    /// The user.
    public var userId: UserID
    /// Their user name, for messages and the submission notes.
    public var username: String
    /// Their teams (in the child space).
    public var teamIds: [TeamID]

    /// Creates an approver.
    public init(userId: UserID, username: String, teamIds: [TeamID]) {
        self.userId = userId
        self.username = username
        self.teamIds = teamIds
    }
}

/// Where approvals came from.
public enum ApprovalSource: Codable, Hashable, Sendable {
    /// The parent release's deployment to the approval environment (§5.29–5.30).
    case parentDeployment(project: String, release: String, environment: String, taskId: ServerTaskID, spaceId: SpaceID, webLink: String)
    /// The API key's own user and teams ("as me").
    case currentUser
}

/// Approvers bound to the plan's children and releases at the time of approval.
///
/// When a later plan would deploy another release of a child, the approval does not apply to it (and the wait says
/// so) — an approval of `2021.1.0.14` never approves `2021.1.0.15`.
public struct ApprovalSet: Codable, Hashable, Sendable {
    /// Where the approvers came from.
    public var source: ApprovalSource
    /// The approvers, in the order they approved.
    public var approvers: [Approver]
    /// The releases approved, per child project.
    public var approvedReleases: [ProjectID: ReleaseReference]
    /// When `approve` ran.
    public var approvedAt: Date

    /// Creates an approval set.
    public init(source: ApprovalSource, approvers: [Approver], approvedReleases: [ProjectID: ReleaseReference], approvedAt: Date) {
        self.source = source
        self.approvers = approvers
        self.approvedReleases = approvedReleases
        self.approvedAt = approvedAt
    }

    /// Whether the approval covers this child's release.
    public func covers(_ child: ChildPlan) -> Bool {
        guard let release = child.release else { return false }
        return approvedReleases[child.project.id]?.id == release.id
    }

    /// Why the approval does not cover the child, or nil when it does.
    public func mismatch(for child: ChildPlan) -> String? {
        guard let release = child.release else { return nil }
        guard let approved = approvedReleases[child.project.id] else {
            return "The approvals do not apply to \(child.project.name): it was not part of the approved plan."
        }
        guard approved.id != release.id else { return nil }
        return "The approvals do not apply to \(child.project.name): \(approved.version) was approved, but \(release.version) would be deployed. Approve again."
    }

    /// The first approver (in approval order) who belongs to one of `teamIds` (§5.31.1). An intervention without
    /// responsible teams matches nobody, as in the template.
    public func approver(forTeams teamIds: [TeamID]) -> Approver? {
        approvers.first { approver in approver.teamIds.contains { teamIds.contains($0) } }
    }
}
