import Foundation
import OctopusModel
import OctopusSandbox
import Testing

/// The dashboard and progression answers kept between writes (`AnswerCache`): a write ends them, and an answer that
/// shows a running task is never kept.
@Suite("Kept dashboard and progression answers")
struct AnswerCacheTests {
    @Test func aDeploymentEndsTheKeptDashboardAndProgression() async throws {
        try await withSampleSandbox { http in
            let dashboardPath = "/api/Spaces-1/dashboard"
            let first = try await http.get(dashboardPath)
            #expect(try await http.get(dashboardPath).body == first.body)
            let item = try #require(try first.decode(Dashboard.self).items.first { $0.state == .success })
            let progressionPath = "/api/Spaces-1/progression/\(item.projectId)"
            let progressionBefore = try await http.get(progressionPath).decode(ProjectProgression.self)

            let body = try JSONSerialization.data(withJSONObject: ["ReleaseId": item.releaseId.rawValue, "EnvironmentId": item.environmentId.rawValue])
            let created = try await http.send("POST", "/api/Spaces-1/deployments", body: body)
            #expect(created.status == 201)
            let deployment = try created.decode(Deployment.self)

            let after = try await http.get(dashboardPath).decode(Dashboard.self)
            let shown = try #require(after.items.first { $0.projectId == item.projectId && $0.environmentId == item.environmentId })
            #expect(shown.deploymentId == deployment.id)
            let progressionAfter = try await http.get(progressionPath).decode(ProjectProgression.self)
            let release = try #require(progressionAfter.releases.first { $0.release.id == item.releaseId })
            #expect(release.deployments[item.environmentId.rawValue]?.first?.deploymentId == deployment.id)
            #expect(progressionAfter != progressionBefore)
            // The new task has not finished on the virtual clock: neither answer may be kept.
            #expect(progressionBefore.isSettled && !progressionAfter.isSettled)
            #expect(!after.isSettled)
        }
    }

    @Test func anAnswerShowingARunningTaskIsNotSettled() {
        let done = DashboardItem(id: "Deployments-1", state: .success)
        let running = DashboardItem(id: "Deployments-2", state: .executing)
        #expect(Dashboard(items: [done]).isSettled)
        #expect(!Dashboard(items: [done], previousItems: [running]).isSettled)
        #expect(!Dashboard(items: [DashboardItem(state: .queued)]).isSettled)
    }
}
