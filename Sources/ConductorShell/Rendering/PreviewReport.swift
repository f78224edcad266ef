import Foundation
import OctopusModel
import Orchestration

/// `whatif`'s table: per child what its deployment would do — machines, steps, prompted variables, the manual
/// interventions and the teams that must act, the release notes' size, and a stale snapshot. One record per child
/// when the table is wider than the terminal (`width`).
struct PreviewReport {
    let plan: PromotionPlan

    func render(width: Int? = nil) -> String {
        var text = "What-if for \(plan.destination.name)\n"
        let rows = plan.children.map { child -> [String] in
            guard child.willDeploy, let preview = child.preview else {
                return [String(child.stage + 1), child.project.name, child.release?.version ?? "-", PromotionReport.actionText(child.action), "", ""]
            }
            let machines = preview.machineNames.isEmpty ? "all" : preview.machineNames.joined(separator: ", ")
            let interventions = preview.interventions.isEmpty ? "none" : preview.interventions.map { intervention in
                "\(intervention.stepName) (\(intervention.responsibleTeams.isEmpty ? "anyone" : intervention.responsibleTeams.joined(separator: ", ")))"
            }.joined(separator: "; ")
            var notes = "\(preview.steps.count) step\(preview.steps.count == 1 ? "" : "s"), targets: \(machines)"
            if !preview.formValues.isEmpty { notes += "; variables: " + preview.formValues.keys.sorted().joined(separator: ", ") }
            if preview.snapshotIsStale { notes += preview.snapshotRefreshed ? "; snapshot refreshed" : "; STALE variable snapshot" }
            return [String(child.stage + 1), child.project.name, child.release?.version ?? "-", "deploy", interventions, notes]
        }
        text += TableLayout(header: ["STAGE", "PROJECT", "RELEASE", "ACTION", "INTERVENTIONS (TEAMS)", "DEPLOYMENT"], rows: rows)
            .renderFitting(width: width, titleColumn: 1)
        if let schedule = plan.schedule { text += "Starts \(schedule.absoluteText).\n" }
        return text
    }
}

/// `approve`'s table: each expected intervention → its teams → which approver covers it, or NOT COVERED: the
/// question a release manager asks before the window ("who still has to sign off?").
struct CoverageReport {
    let plan: PromotionPlan

    /// The table, or one record per intervention when it is wider than the terminal (`width`).
    func render(width: Int? = nil) -> String {
        let heading: String
        if let approvals = plan.approvals {
            switch approvals.source {
            case .parentDeployment(let project, let release, let environment, let taskId, _, _):
                heading = "Approvals from \(project) \(release) in \(environment) (\(taskId.rawValue)): \(approvals.approvers.map(\.username).joined(separator: ", "))"
            case .currentUser:
                heading = "Approvals as yourself: \(approvals.approvers.map(\.username).joined(separator: ", "))"
            case .none(let reason):
                heading = "No approvals taken: \(reason.fragment)."
            }
        } else {
            heading = "No approvals collected."
        }
        // The heading is prose: broken between words at the terminal's width, the table below sizes itself.
        var text = ProseWrap.wrap(heading, width: width) + "\n"
        // The engine's own decisions (the ones the wait loop applies), one row per expected intervention.
        var noneReason: LeftToPeopleReason?
        if let source = plan.approvals?.source, case .none(let reason) = source { noneReason = reason }
        var rows: [[String]] = []
        for child in plan.children where child.willDeploy {
            let coverage = plan.interventionCoverage(of: child.project.id)
            if coverage.isEmpty {
                rows.append([child.project.name, child.release?.version ?? "-", "none", "", ""])
                continue
            }
            for row in coverage {
                let teams = row.responsibleTeams.isEmpty ? "anyone" : row.responsibleTeams.joined(separator: ", ")
                rows.append([child.project.name, row.release ?? "-", row.stepName, teams, Self.coveredBy(row.decision, saidAbove: noneReason)])
            }
        }
        guard !rows.isEmpty else { return text + "Nothing to sign off: no child deploys in this plan.\n" }
        text += TableLayout(header: ["PROJECT", "RELEASE", "INTERVENTION", "TEAMS", "COVERED BY"], rows: rows).renderFitting(width: width)
        return text
    }

    /// Who approves it, or why nobody does — unless that is the reason already said above the table.
    static func coveredBy(_ decision: InterventionCoverage.Decision, saidAbove: LeftToPeopleReason?) -> String {
        switch decision {
        case .autoApproved(let approver, let team): "\(approver.username) (\(team))"
        case .leftToPeople(let reason): reason == saidAbove ? "NOT COVERED (see above)" : "NOT COVERED: \(reason.fragment)"
        }
    }
}
