import Foundation
import Orchestration
import Testing

struct DeploymentLedgerTests {
    static func temporaryLedgerURL() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("conductor-ledger-\(UUID().uuidString)/ledger.json")
    }

    static let plan = UUID()
    static let key = LedgerKey(server: "https://Octopus.Example.com", spaceId: "Spaces-1", projectId: "Projects-1", releaseId: "Releases-7", environmentId: "Environments-3")

    static func ledgers() -> [any DeploymentLedger] {
        [InMemoryDeploymentLedger(), FileDeploymentLedger(url: temporaryLedgerURL())]
    }

    /// The key has no plan id: another plan (another run, process or session) asking for the same deployment gets
    /// the same entry.
    @Test(arguments: ledgers())
    func claimThenCompleteIsSeenByAnyPlan(ledger: any DeploymentLedger) async throws {
        let now = Date(timeIntervalSince1970: 1_900_000_000)
        #expect(try await ledger.entry(for: Self.key) == nil)
        try await ledger.claim(Self.key, planId: Self.plan, at: now)
        let pending = try #require(try await ledger.entry(for: Self.key))
        #expect(!pending.isCreated && pending.claimedAt == now && pending.planId == Self.plan)
        try await ledger.complete(Self.key, planId: Self.plan, deploymentId: "Deployments-9", taskId: "ServerTasks-9", at: now.addingTimeInterval(3))
        let sameKeyOtherPlan = LedgerKey(server: "https://octopus.example.com", spaceId: "Spaces-1", projectId: "Projects-1", releaseId: "Releases-7", environmentId: "Environments-3")
        let created = try #require(try await ledger.entry(for: sameKeyOtherPlan))
        #expect(created.deploymentId == "Deployments-9" && created.taskId == "ServerTasks-9" && created.claimedAt == now)
        #expect(try await ledger.entries().count == 1)
        var tenanted = Self.key
        tenanted.tenantId = "Tenants-1"
        #expect(try await ledger.entry(for: tenanted) == nil)
    }

    @Test(arguments: ledgers())
    func abandonFreesTheKey(ledger: any DeploymentLedger) async throws {
        try await ledger.claim(Self.key, planId: Self.plan, at: Date())
        try await ledger.abandon(Self.key)
        #expect(try await ledger.entry(for: Self.key) == nil)
    }

    /// 16 racers each look, pause while "creating", then record: under `exclusively` exactly one creates and the
    /// others see its entry. Two `FileDeploymentLedger` values of one file hold separate lock descriptors, as two
    /// processes do.
    @Test(arguments: [0, 1])
    func exclusiveSectionsHaveOneCreator(kind: Int) async throws {
        let url = Self.temporaryLedgerURL()
        let ledgers: [any DeploymentLedger] = kind == 0
            ? Array(repeating: InMemoryDeploymentLedger(), count: 1)
            : [FileDeploymentLedger(url: url), FileDeploymentLedger(url: url)]
        let created = Tally()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for racer in 0..<16 {
                let ledger = ledgers[racer % ledgers.count]
                group.addTask {
                    try await ledger.exclusively(Self.key) {
                        if try await ledger.entry(for: Self.key) != nil { return }
                        try await ledger.claim(Self.key, planId: UUID(), at: Date())
                        try await Task.sleep(for: .milliseconds(5))
                        await created.add()
                        try await ledger.complete(Self.key, planId: UUID(), deploymentId: "Deployments-\(racer)", taskId: "ServerTasks-\(racer)", at: Date())
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(await created.count == 1)
    }

    /// An error inside the section releases the lock.
    @Test(arguments: ledgers())
    func failingSectionReleasesTheLock(ledger: any DeploymentLedger) async throws {
        struct Boom: Error {}
        await #expect(throws: Boom.self) { try await ledger.exclusively(Self.key) { throw Boom() } }
        let value = try await ledger.exclusively(Self.key) { 7 }
        #expect(value == 7)
    }

    @Test func fileLedgerSurvivesTheProcess() async throws {
        let url = Self.temporaryLedgerURL()
        try await FileDeploymentLedger(url: url).claim(Self.key, planId: Self.plan, at: Date())
        try await FileDeploymentLedger(url: url).complete(Self.key, planId: Self.plan, deploymentId: "Deployments-1", taskId: "ServerTasks-1", at: Date())
        let reopened = FileDeploymentLedger(directory: url.deletingLastPathComponent())
        #expect(try await reopened.entry(for: Self.key)?.deploymentId == "Deployments-1")
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        #expect((attributes[.posixPermissions] as? Int).map { $0 & 0o077 } == 0)
    }

    @Test(arguments: [
        (["XDG_STATE_HOME": "/state", "HOME": "/home/ann"], "/state/conductor/ledger.json"),
        (["HOME": "/home/ann"], "/home/ann/.local/state/conductor/ledger.json"),
        (["XDG_STATE_HOME": "", "HOME": "/home/ann"], "/home/ann/.local/state/conductor/ledger.json"),
        (["XDG_STATE_HOME": "relative/state", "HOME": "/home/ann"], "/home/ann/.local/state/conductor/ledger.json"),
    ])
    func standardLocation(environment: [String: String], path: String) {
        #expect(FileDeploymentLedger.standardURL(environment: environment).path == path)
        #expect(FileDeploymentLedger.standard(environment: environment).url.path == path)
    }

    @Test func corruptFileIsReportedWithTheFix() async throws {
        let url = Self.temporaryLedgerURL()
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("not json".utf8).write(to: url)
        do {
            _ = try await FileDeploymentLedger(url: url).entry(for: Self.key)
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".hasPrefix("The deployment ledger '\(url.path)' cannot be used: it is not a ledger file"))
            #expect("\(error)".hasSuffix("move it away to start a new one."))
        }
    }
}

/// A count shared by concurrent tasks.
actor Tally {
    private(set) var count = 0
    func add() { count += 1 }
}
