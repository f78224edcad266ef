import ConductorShell
import Foundation
import OctopusClient
import OctopusModel
import Orchestration
import Testing

private typealias Status = ConductorShell.ExitStatus

/// Rendering of a promotion's result: table, JSON, basic, Octopus service messages, exit statuses.
@Suite struct PromotionReportTests {
    static func plan(outcomes: [ChildOutcome?] = [.success, nil]) throws -> PromotionPlan {
        let options = PromotionOptions(application: Application(sequential: ["Database", "Web API"]), destination: "Staging")
        var database = ChildPlan(
            stage: 0, project: NamedReference(id: "Projects-1", name: "Database"), projectSlug: "database",
            sourceEnvironments: [NamedReference(id: "Environments-2", name: "Test")],
            release: ReleaseReference(id: "Releases-4", version: "2021.1.0.4"), action: .deploy,
            outputs: .deploying("2021.1.0.4", notes: "# Database 2021.1.0.4\n- Schema 'v4'"))
        database.deployment = try JSONDecoder().decode(ChildDeployment.self, from: Data(#"""
            {"deploymentId": "Deployments-7", "taskId": "ServerTasks-7", "webLink": "http://octopus/app#/d7", "wasAlreadyCreated": false}
            """#.utf8))
        database.outcome = outcomes[0]
        var webAPI = ChildPlan(
            stage: 1, project: NamedReference(id: "Projects-3", name: "Web API"), projectSlug: "web-api",
            release: ReleaseReference(id: "Releases-9", version: "2021.1.0.14"), action: .skip(.alreadyCurrent),
            outputs: .alreadyCurrent("2021.1.0.14"))
        webAPI.outcome = outcomes.count > 1 ? outcomes[1] : nil
        return PromotionPlan(
            createdAt: Date(timeIntervalSince1970: 0), options: options, spaceId: "Spaces-1",
            destination: NamedReference(id: "Environments-3", name: "Staging"), children: [database, webAPI], step: .finished)
    }

    @Test func tableHasOneAlignedRowPerChild() throws {
        let text = PromotionReport(plan: try Self.plan()).render(.table)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "Promotion to Staging")
        #expect(lines[1].hasPrefix("STAGE  PROJECT   RELEASE      FROM  ACTION"))
        #expect(lines[2] == "1      Database  2021.1.0.4   Test  deploy                 succeeded (ServerTasks-7)")
        #expect(lines[3] == "2      Web API   2021.1.0.14  -     skip: already current  -")
        #expect(lines.count == 4)
    }

    @Test func jsonCarriesOutputsUnderTheirOctopusNames() throws {
        let text = PromotionReport(plan: try Self.plan()).render(.json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["destination"] as? String == "Staging")
        let children = try #require(object["children"] as? [[String: Any]])
        #expect(children.count == 2)
        #expect(children[0]["project"] as? String == "Database")
        #expect(children[0]["taskId"] as? String == "ServerTasks-7")
        #expect(children[0]["outcome"] as? String == "Success")
        let outputs = try #require(children[1]["outputs"] as? [String: String])
        #expect(outputs == [
            "ReleaseToPromote": "2021.1.0.14",
            "ReleaseNotes": "Release already deployed to destination environment.",
            "ChildReleaseToDeploy": "False",
        ])
        #expect(children[1]["action"] as? String == "skip")
        #expect(children[1]["skipReason"] as? String == "alreadyCurrent")
    }

    @Test func basicListsCreatedTaskIds() throws {
        #expect(PromotionReport(plan: try Self.plan()).render(.basic) == "ServerTasks-7\n")
    }

    @Test func basicAfterWhatIfListsReleasesThatWouldDeploy() throws {
        var plan = try Self.plan()
        plan.children[0].deployment = nil
        plan.children[0].outcome = nil
        #expect(PromotionReport(plan: plan).render(.basic) == "Releases-4\n")
    }

    @Test(arguments: [
        (OctopusServiceMessage.setVariable(name: "TestA", value: "World!"), "##octopus[setVariable name='VGVzdEE=' value='V29ybGQh']"),
        (.setVariable(name: "Super", value: "Mario Bros"), "##octopus[setVariable name='U3VwZXI=' value='TWFyaW8gQnJvcw==']"),
        (.createArtifact(path: "/tmp/a.txt", name: "a.txt", length: 12), "##octopus[createArtifact path='L3RtcC9hLnR4dA==' name='YS50eHQ=' length='MTI=']"),
    ])
    func serviceMessagesAreBase64Encoded(message: OctopusServiceMessage, line: String) {
        #expect(message.line == line)
    }

    @Test func outputVariablesPerChildAndBareNamesForOneChild() throws {
        let plan = try Self.plan()
        let names = PromotionReport(plan: plan).outputVariableMessages().compactMap { message -> String? in
            if case .setVariable(let name, _) = message { return name }
            return nil
        }
        #expect(names == [
            "Database.ReleaseToPromote", "Database.ReleaseNotes", "Database.ChildReleaseToDeploy",
            "Web API.ReleaseToPromote", "Web API.ReleaseNotes", "Web API.ChildReleaseToDeploy",
        ])
        var single = plan
        single.children.removeLast()
        let messages = PromotionReport(plan: single).outputVariableMessages()
        #expect(messages.contains(.setVariable(name: "ReleaseToPromote", value: "2021.1.0.4")))
        #expect(messages.contains(.setVariable(name: "ChildReleaseToDeploy", value: "True")))
        #expect(messages.count == 6)
    }

    static let planCases: [([ChildOutcome?], Int32)] = [
        ([.success, nil], 0),
        ([.notWaited, nil], 0),
        ([.failed, nil], 4),
        ([.canceled, nil], 4),
        ([.timedOut, nil], 4),
        ([.cancelledOnTimeout, nil], 124),
        ([.cancelledOnTimeout, .failed], 4),
    ]

    @Test(arguments: planCases)
    func exitStatusOfAPlan(outcomes: [ChildOutcome?], status: Int32) throws {
        #expect(Status(plan: try Self.plan(outcomes: outcomes)).rawValue == status)
    }

    static func failure(_ status: Int) -> OctopusClientError {
        .http(.init(status: status, method: .get, path: "/api/x", errorMessage: nil, errors: []))
    }

    /// An error and the exit status it maps to, named in the test report.
    struct ErrorCase: Sendable, CustomTestStringConvertible {
        let name: String
        let error: any Error & Sendable
        let status: Int32

        var testDescription: String { name }
    }

    static let errorCases: [ErrorCase] = [
        ErrorCase(name: "401 is an authentication failure", error: failure(401), status: 5),
        ErrorCase(name: "403 is a permission failure", error: failure(403), status: 5),
        ErrorCase(name: "404 is a plain failure", error: failure(404), status: 1),
        ErrorCase(
            name: "unreachable server is a plain failure",
            error: OctopusClientError.transport(method: .get, path: "/api", reason: "refused", attempts: 5), status: 1),
        ErrorCase(name: "bad server URL is a usage error", error: OctopusClientError.invalidServerURL("x"), status: 2),
        ErrorCase(name: "unreadable schedule is a usage error", error: OrchestrationError.unparseableSchedule("someday"), status: 2),
        ErrorCase(
            name: "no release found is a plain failure",
            error: OrchestrationError.noReleaseFound(project: "Web API", searched: .channel("Default"), pattern: nil, destination: "Staging"), status: 1),
        ErrorCase(name: "missing value is a usage error", error: OrchestrationError.missingRequiredValue("Destination"), status: 2),
    ]

    @Test(arguments: errorCases)
    func exitStatusOfAnError(_ errorCase: ErrorCase) {
        #expect(Status(error: errorCase.error).rawValue == errorCase.status, "\(errorCase.error)")
    }

    @Test func progressLinesNameTheProjectAndWhatHappened() {
        #expect(PromotionReport.progressLine(.stateChanged(project: "Web API", state: .executing)) == "Web API: Executing")
        #expect(PromotionReport.progressLine(.finished(project: "Web UI", outcome: .cancelledOnTimeout)) == "Web UI: cancelled after wait timeout")
        #expect(PromotionReport.progressLine(.interventionPending(project: "Database", title: "Approve", guidedFailure: false, responsibleTeams: ["QA"], canAct: false))
            == "Database: waiting on manual intervention 'Approve' (responsible: QA; this API key cannot act)")
    }

    /// Issue 13, row 6: a task blocked on an intervention at the timeout was waiting, not "still running".
    @Test(arguments: [
        (ProgressEvent.timedOut(project: "Web API", seconds: 60, cancelled: true, waitingOn: "Web Admin Approval"), "Web API: still waiting on 'Web Admin Approval' after 60 s; cancelled"),
        (.timedOut(project: "Database", seconds: 60, cancelled: false), "Database: still running after 60 s; cancel request failed"),
        (.approvalSubmitted(project: "Web API", title: "QA Approval", approver: "Quinn Tester (quinn)"), "Web API: approved 'QA Approval' on behalf of Quinn Tester (quinn)"),
    ])
    func timeoutAndApprovalLines(event: ProgressEvent, line: String) {
        #expect(PromotionReport.progressLine(event) == line)
    }

    /// Before anything deploys, every intervention with its teams and who signs it off.
    @Test func coverageLinesListEveryIntervention() {
        let coverage = [
            InterventionCoverage(
                project: NamedReference(id: "Projects-3", name: "Web API"), stage: 1, release: "2021.1.0.14", stepName: "QA Approval",
                responsibleTeams: ["QA", "Release Management"],
                decision: .autoApproved(approver: Approver(userId: "Users-3", username: "quinn", teamIds: ["Teams-2"]), team: "QA")),
            InterventionCoverage(
                project: NamedReference(id: "Projects-3", name: "Web API"), stage: 1, release: "2021.1.0.14", stepName: "Web Admin Approval",
                responsibleTeams: ["Web Admins"], decision: .leftToPeople(reason: .noApproverInTeam(approvers: ["quinn"], teams: ["Web Admins"]))),
        ]
        #expect(PromotionReport.progressLine(.interventionsCovered(coverage)) == """
            Manual interventions before deploying:
              Web API 2021.1.0.14 'QA Approval' (QA, Release Management): auto-approved as quinn (QA)
              Web API 2021.1.0.14 'Web Admin Approval' (Web Admins): left to people: none of the approvers (quinn) is in a responsible team (Web Admins)
            """)
    }
}
