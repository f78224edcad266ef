import Foundation
@testable import ConductorShell

/// A catalogue like the sample seed's, plus names that need quoting.
enum CompletionFixture {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static var snapshot: CompletionSnapshot {
        var snapshot = CompletionSnapshot(server: "embedded sandbox", space: "Default")
        snapshot.projects = [
            ("Café Backend", "Sample Application"), ("Database", "Sample Application"), ("O'Brien Tools", "Tools"),
            ("Release Orchestration", "Orchestration"), ("Say \"Hi\"", "Tools"), ("Scheduling Service", "Sample Application"),
            ("Web API", "Sample Application"), ("Web UI", "Sample Application"), ("webhooks", "Tools"),
        ].map { CompletionSnapshot.Project(name: $0.0, group: $0.1) }
        snapshot.projectIDs = Dictionary(uniqueKeysWithValues: snapshot.projects.enumerated().map { ($0.element.name, "Projects-\($0.offset + 1)") })
        snapshot.projectGroups = ["Orchestration", "Sample Application", "Tools"]
        snapshot.environments = ["Development", "Test", "Staging", "Production"]
        snapshot.tenants = ["Acme Corp", "Globex"]
        snapshot.spaces = ["Default", "Second Space"]
        snapshot.channels = ["Web API": ["Default", "Hotfix"], "Database": ["Default"]]
        snapshot.releases = ["Web API": [
            CompletionSnapshot.Release(version: "2021.1.0.15", channel: "Default", created: now.addingTimeInterval(-3600)),
            CompletionSnapshot.Release(version: "2021.1.0.14", channel: "Hotfix", created: now.addingTimeInterval(-86_400 * 3)),
            CompletionSnapshot.Release(version: "2021.1.0.1", channel: "Default", created: now.addingTimeInterval(-86_400 * 30)),
            CompletionSnapshot.Release(version: "2020.4.0.9", channel: "Default", created: now.addingTimeInterval(-86_400 * 90)),
        ]]
        snapshot.fetched[CompletionSnapshot.projectKey("Web API")] = now
        snapshot.tasks = [CompletionSnapshot.Item(id: "ServerTasks-12", title: "Success: Deploy Web API")]
        snapshot.interventions = [CompletionSnapshot.Item(id: "Interruptions-3", title: "Approve Web UI")]
        return snapshot
    }

    static var context: CompletionContext {
        var context = CompletionContext()
        context.applicationProjects = ["Database", "Web API", "Scheduling Service", "Web UI"]
        context.sandboxUsers = ["Wes Admin", "Ops Olivia"]
        context.profiles = ["prod"]
        context.applications = ["sample"]
        return context
    }

    static let completer = Completer(now: { now })

    static func values(_ line: String, context: CompletionContext = context) -> [String] {
        completer.complete(line, snapshot: snapshot, context: context).values
    }
}
