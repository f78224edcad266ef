import Foundation
import OctopusModel

/// Someone whose approval may stand in for a child's manual intervention, with the teams they belong to.
public struct Approver: Codable, Hashable, Sendable {
    /// The user.
    public var userId: UserID
    /// Their user name (`quinn`), for the coverage summary and the submission notes.
    public var username: String
    /// Their display name (`Quinn Tester`), for people; nil in plans saved before it was kept.
    public var displayName: String?
    /// Their teams (in the child space).
    public var teamIds: [TeamID]
    /// When they gave the approval (they proceeded the parent's intervention); nil for "as me", whose approval is
    /// given now for the releases of the plan.
    public var approvedAt: Date?

    /// Creates an approver.
    public init(userId: UserID, username: String, displayName: String? = nil, teamIds: [TeamID], approvedAt: Date? = nil) {
        self.userId = userId
        self.username = username
        self.displayName = displayName
        self.teamIds = teamIds
        self.approvedAt = approvedAt
    }

    /// `Quinn Tester (quinn)`, or the user name alone when the display name is unknown or the same.
    public var label: String {
        guard let displayName, !displayName.isEmpty, displayName != username else { return username }
        return "\(displayName) (\(username))"
    }
}

/// Where approvals came from.
public enum ApprovalSource: Codable, Hashable, Sendable {
    /// The parent release's deployment to the approval environment (§5.29–5.30).
    case parentDeployment(project: String, release: String, environment: String, taskId: ServerTaskID, spaceId: SpaceID, webLink: String)
    /// The API key's own user and teams ("as me"), only when asked for explicitly.
    case currentUser
    /// Nobody's approval is taken, and why (no parent named and "as me" not asked, the parent release has no
    /// successful approval deployment, auto-approval is off).
    case none(reason: LeftToPeopleReason)
}

/// Approvers bound to the plan's children and releases at the time of approval.
///
/// When a later plan would deploy another release of a child, the approval does not apply to it (and the wait says
/// so) — an approval of `2021.1.0.14` never approves `2021.1.0.15`. A parent approval also covers a child release
/// only when that release existed when the approval was given, or the approval deployment's instructions name it
/// (the template's `ReleaseToPromote` output rendered into the parent's manual interventions).
public struct ApprovalSet: Codable, Hashable, Sendable {
    /// Where the approvers came from.
    public var source: ApprovalSource
    /// The approvers, in the order they approved.
    public var approvers: [Approver]
    /// The releases approved, per child project.
    public var approvedReleases: [ProjectID: ReleaseReference]
    /// When `approve` ran.
    public var approvedAt: Date
    /// The instructions of the parent interventions the approvers proceeded (what they were shown), nil for other
    /// sources.
    public var approvedInstructions: [String]?
    /// The teams of the API key's user, who submits the approvals (nil: not looked up). An intervention none of
    /// whose teams it is in cannot be taken by it.
    public var apiUserTeamIds: [TeamID]?
    /// The zone times are shown in (`given 11:02`); nil: UTC.
    public var timeZoneIdentifier: String?

    /// Creates an approval set.
    public init(
        source: ApprovalSource, approvers: [Approver], approvedReleases: [ProjectID: ReleaseReference], approvedAt: Date,
        approvedInstructions: [String]? = nil, apiUserTeamIds: [TeamID]? = nil, timeZoneIdentifier: String? = nil
    ) {
        self.source = source
        self.approvers = approvers
        self.approvedReleases = approvedReleases
        self.approvedAt = approvedAt
        self.approvedInstructions = approvedInstructions
        self.apiUserTeamIds = apiUserTeamIds
        self.timeZoneIdentifier = timeZoneIdentifier
    }

    /// Whether the approval covers this child's release.
    public func covers(_ child: ChildPlan) -> Bool {
        guard let release = child.release else { return false }
        return approvedReleases[child.project.id]?.id == release.id
    }

    /// Why the approval does not cover the child, or nil when it does.
    public func mismatch(for child: ChildPlan) -> LeftToPeopleReason? {
        guard let release = child.release else { return nil }
        guard let approved = approvedReleases[child.project.id] else { return .notInApprovedPlan(project: child.project.name) }
        guard approved.id != release.id else { return nil }
        return .otherReleaseApproved(project: child.project.name, approved: approved.version, planned: release.version)
    }

    /// The first approver (in approval order) who belongs to one of `teamIds` (§5.31.1). An intervention without
    /// responsible teams matches nobody, as in the template.
    public func approver(forTeams teamIds: [TeamID]) -> Approver? {
        approvers.first { approver in approver.teamIds.contains { teamIds.contains($0) } }
    }

    /// Whether the parent deployment's instructions name this release of the project (`Web API: 2021.1.1.1`), so
    /// the approvers were shown it even if it was created after they approved.
    public func instructionsName(project: String, version: String) -> Bool {
        (approvedInstructions ?? []).contains { text in
            text.split(whereSeparator: \.isNewline).contains { line in
                line.range(of: project, options: .caseInsensitive) != nil && Self.containsVersion(version, in: line)
            }
        }
    }

    /// `version` as a whole token: `2021.1.1.1` is not found in `2021.1.1.10`.
    static func containsVersion(_ version: String, in line: Substring) -> Bool {
        var searchRange = line.startIndex..<line.endIndex
        while let found = line.range(of: version, range: searchRange) {
            let before = found.lowerBound == line.startIndex ? nil : line[line.index(before: found.lowerBound)]
            let after = found.upperBound == line.endIndex ? nil : line[found.upperBound]
            func partOfVersion(_ character: Character?) -> Bool {
                guard let character else { return false }
                return character.isLetter || character.isNumber || character == "." || character == "-"
            }
            // A trailing "." ends a sentence, not a longer version.
            let afterIsVersion = after == "." ? line.index(after: found.upperBound) < line.endIndex && line[line.index(after: found.upperBound)].isNumber : partOfVersion(after)
            if !partOfVersion(before) && !afterIsVersion { return true }
            searchRange = found.upperBound..<line.endIndex
        }
        return false
    }
}
