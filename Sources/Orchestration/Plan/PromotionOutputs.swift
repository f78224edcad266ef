/// The template's three output variables for one child (§6).
public struct PromotionOutputs: Sendable, Codable, Hashable {
    /// `ReleaseToPromote`: the release version, or `N/A`.
    public var releaseToPromote: String
    /// `ReleaseNotes`: the gathered Markdown, or the skip text.
    public var releaseNotes: String
    /// `ChildReleaseToDeploy`: whether the child would be (or was) deployed.
    public var childReleaseToDeploy: Bool

    /// Creates outputs.
    public init(releaseToPromote: String, releaseNotes: String, childReleaseToDeploy: Bool) {
        self.releaseToPromote = releaseToPromote
        self.releaseNotes = releaseNotes
        self.childReleaseToDeploy = childReleaseToDeploy
    }

    /// No release qualified, or the tenant is not connected (§6).
    public static let noRelease = PromotionOutputs(releaseToPromote: "N/A", releaseNotes: "No release found", childReleaseToDeploy: false)

    /// The release is already the current one in the destination (§5.25.1).
    public static func alreadyCurrent(_ version: String) -> PromotionOutputs {
        PromotionOutputs(releaseToPromote: version, releaseNotes: "Release already deployed to destination environment.", childReleaseToDeploy: false)
    }

    /// The child deploys to none of the specific machines. Departure B12: the notes say so instead of claiming the
    /// release is already deployed.
    public static func machineMismatch(_ version: String) -> PromotionOutputs {
        PromotionOutputs(releaseToPromote: version, releaseNotes: "The project does not deploy to any of the specific machines.", childReleaseToDeploy: false)
    }

    /// The release will be (or was) deployed. Departure from §6: the template left `ReleaseToPromote` and
    /// `ChildReleaseToDeploy` unset after a real deployment; here they are always set.
    public static func deploying(_ version: String, notes: String) -> PromotionOutputs {
        PromotionOutputs(releaseToPromote: version, releaseNotes: notes, childReleaseToDeploy: true)
    }

    /// `True`/`False`, as PowerShell renders the boolean output.
    public var childReleaseToDeployText: String { childReleaseToDeploy ? "True" : "False" }
}
