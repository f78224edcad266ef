import Foundation
import Orchestration
import Testing

struct DeploymentLedgerTests {
    static func temporaryLedgerURL() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("conductor-ledger-\(UUID().uuidString)/ledger.json")
    }

    static let plan = UUID()
    static let key = LedgerKey(planId: plan, projectId: "Projects-1", releaseId: "Releases-7", environmentId: "Environments-3")

    static func ledgers() -> [any DeploymentLedger] {
        [InMemoryDeploymentLedger(), FileDeploymentLedger(url: temporaryLedgerURL())]
    }

    @Test(arguments: ledgers())
    func claimOnceThenComplete(ledger: any DeploymentLedger) async throws {
        let now = Date(timeIntervalSince1970: 1_600_000_000)
        #expect(try await ledger.claim(Self.key, at: now) == nil)
        let pending = try #require(try await ledger.claim(Self.key, at: now.addingTimeInterval(5)))
        #expect(!pending.isCreated)
        #expect(pending.claimedAt == now)
        try await ledger.complete(Self.key, deploymentId: "Deployments-9", taskId: "ServerTasks-9")
        let created = try #require(try await ledger.claim(Self.key, at: now))
        #expect(created.deploymentId == "Deployments-9" && created.taskId == "ServerTasks-9")
        #expect(try await ledger.entries(planId: Self.plan).count == 1)
        #expect(try await ledger.entries(planId: UUID()).isEmpty)
    }

    @Test(arguments: ledgers())
    func abandonFreesTheKey(ledger: any DeploymentLedger) async throws {
        #expect(try await ledger.claim(Self.key, at: Date()) == nil)
        try await ledger.abandon(Self.key)
        #expect(try await ledger.claim(Self.key, at: Date()) == nil)
    }

    @Test(arguments: ledgers())
    func concurrentClaimsHaveOneWinner(ledger: any DeploymentLedger) async throws {
        let winners = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<16 {
                group.addTask { try await ledger.claim(Self.key, at: Date()) == nil }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(winners == 1)
    }

    @Test func fileLedgerSurvivesTheProcess() async throws {
        let url = Self.temporaryLedgerURL()
        try await #require(FileDeploymentLedger(url: url).claim(Self.key, at: Date()) == nil)
        try await FileDeploymentLedger(url: url).complete(Self.key, deploymentId: "Deployments-1", taskId: "ServerTasks-1")
        let reopened = FileDeploymentLedger(url: url)
        #expect(try await reopened.claim(Self.key, at: Date())?.deploymentId == "Deployments-1")
    }

    @Test(arguments: [
        (["XDG_STATE_HOME": "/state", "HOME": "/home/ann"], "/state/conductor/ledger.json"),
        (["HOME": "/home/ann"], "/home/ann/.local/state/conductor/ledger.json"),
        (["XDG_STATE_HOME": "", "HOME": "/home/ann"], "/home/ann/.local/state/conductor/ledger.json"),
    ])
    func standardLocation(environment: [String: String], path: String) {
        #expect(FileDeploymentLedger.standardURL(environment: environment).path == path)
    }

    @Test func corruptFileIsReportedWithTheFix() async throws {
        let url = Self.temporaryLedgerURL()
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("not json".utf8).write(to: url)
        do {
            _ = try await FileDeploymentLedger(url: url).claim(Self.key, at: Date())
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".hasPrefix("The deployment ledger '\(url.path)' cannot be used: it is not a ledger file"))
            #expect("\(error)".hasSuffix("move it away to start a new one."))
        }
    }
}
