@testable import ConductorShell
import Foundation
import OctopusClient
import OctopusModel
import Orchestration
import Testing

/// The `Resuming plan …` line says where the deployments stand on the server now, not what the plan last saw.
struct ResumedProgressTests {
    @Test(arguments: [
        (ResumedProgress(finished: 2, running: 1, notStarted: 1), "2 finished, 1 running, 1 still to deploy", true),
        (ResumedProgress(finished: 4, finishedUnrecorded: true), "4 finished", true),
        (ResumedProgress(finished: 4), "4 finished", false),
        (ResumedProgress(queued: 1, notStarted: 3), "1 queued, 3 still to deploy", true),
        (ResumedProgress(finished: 1, unknown: 2), "1 finished, 2 not seen to finish", true),
    ])
    func summary(progress: ResumedProgress, text: String, waitHasWork: Bool) {
        #expect(progress.summary == text)
        #expect(progress.waitHasWork == waitHasWork)
    }

    /// A plan found but not deployed has nothing to report and nothing for `wait`.
    @Test func nothingDeployedSaysNothing() {
        let progress = ResumedProgress(notStarted: 4)
        #expect(progress.summary == nil)
        #expect(!progress.waitHasWork)
    }

    /// After `deploy`, the first stage's deployment is on the server and later stages wait; once the task ends, the
    /// look-up says so (one request) although the plan has recorded no outcome.
    @Test func readsTheServerOnce() async throws {
        try await ShellHarness.with { shell in
            let (session, status, output) = await shell.run([
                "use projects \"Database then Web API, Scheduling Service then Web UI\"", "find to Staging", "whatif", "deploy --yes",
            ])
            #expect(status == .success, "stderr: \(output.standardError)")
            let plan = try #require(session.openPlan?.plan)
            let before = shell.requests
            let started = await ResumedProgress.look(at: plan, with: try #require(session.connection?.client))
            #expect(shell.requests - before == 1)
            // At speed 50 the Database deployment may already be over; either way it is counted once, by the server.
            #expect(started.running + started.queued + started.finished == 1 && started.notStarted == 3 && started.unknown == 0, "\(started)")
            let taskId = try #require(plan.children.first?.deployment?.taskId)
            let client = try #require(session.connection?.client)
            for _ in 0..<600 where try await client.task(taskId).isCompleted == false { try await Task.sleep(for: .milliseconds(100)) }
            let later = await ResumedProgress.look(at: plan, with: client)
            #expect(later.summary == "1 finished, 3 still to deploy")
            #expect(later.finishedUnrecorded && later.waitHasWork)
        }
    }
}

/// An open-plan file the shell cannot read is set aside with a note, never silently ignored or deleted.
struct UnreadablePlanTests {
    @Test func anUnreadablePlanIsKeptAsideAndSaidOnce() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("conductor-plans-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = PlanStore(folder: folder)
        #expect(store.setAsideUnreadable(at: Date()) == nil)
        let written = Data(#"{"plan": {"approvals": {"source": {"none": {"reason": "auto-approval is off"}}}}}"#.utf8)
        try written.write(to: folder.appendingPathComponent("current.json"))
        let aside = try #require(store.setAsideUnreadable(at: Date(timeIntervalSince1970: 1_700_000_000)))
        #expect(aside.lastPathComponent == "current.unreadable-1700000000.json")
        #expect(try Data(contentsOf: aside) == written)
        #expect(store.current() == nil)
        #expect(store.setAsideUnreadable(at: Date()) == nil)
    }
}
