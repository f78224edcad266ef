import Orchestration
import Testing

/// The engine's user-visible messages, pinned word for word: each quotes the input and says the fix.
@Suite struct ErrorMessageTests {
    /// One error and its message, named in the test report.
    struct MessageCase: Sendable, CustomTestStringConvertible {
        let name: String
        let error: OrchestrationError
        let message: String

        var testDescription: String { name }
    }

    static let cases: [MessageCase] = [
        MessageCase(
            name: "destination outside the lifecycle names the lifecycle and the project",
            error: .destinationNotInLifecycle(project: "Web API", environment: "Prod Approval", lifecycle: "Component"),
            message: "Prod Approval is in no phase of the lifecycle 'Component' used by Web API. Choose an environment of that lifecycle or another channel."),
        MessageCase(
            name: "unreadable schedule lists the forms it reads",
            error: .unparseableSchedule("someday"),
            message: "Cannot read 'someday' as a time. Use e.g. '21:00', '7:00 PM', '2021-01-14 21:00', '06/25/2021 19:00:00', '01 Jan 2021 18:00', '+2h', '+1d2h30m' or 'tomorrow 19:00'."),
        MessageCase(
            name: "unknown time zone suggests IANA names",
            error: .unknownTimeZone("Mars/Olympus"),
            message: "Unknown time zone 'Mars/Olympus'. Use an IANA name such as 'Europe/Berlin' or 'UTC'."),
        MessageCase(
            name: "past time of day suggests tomorrow at that time",
            error: .scheduleInPast(text: "9:00", resolved: "2021-01-14 09:00:00 +01:00", now: "2021-01-14 10:30:00 +01:00", suggestion: "tomorrow 9:00"),
            message: "The time '9:00' means 2021-01-14 09:00:00 +01:00, which is in the past (now is 2021-01-14 10:30:00 +01:00). Give a future time, e.g. 'tomorrow 9:00' or '+2h'."),
        MessageCase(
            name: "past date suggests a later one, never 'tomorrow <date>'",
            error: .scheduleInPast(text: "2020-12-31 23:00", resolved: "2020-12-31 23:00:00 +01:00", now: "2021-01-14 10:30:00 +01:00", suggestion: "2021-01-14 23:00:00"),
            message: "The time '2020-12-31 23:00' means 2020-12-31 23:00:00 +01:00, which is in the past (now is 2021-01-14 10:30:00 +01:00). Give a future time, e.g. '2021-01-14 23:00:00' or '+2h'."),
        MessageCase(
            name: "no release in a channel, without a pattern",
            error: .noReleaseFound(project: "Web UI", searched: .channel("Hotfix"), pattern: nil, destination: "Test"),
            message: "No release of Web UI was found in channel Hotfix that can be deployed to Test."),
        MessageCase(
            name: "no release in the source environments, with the pattern",
            error: .noReleaseFound(project: "Database", searched: .environments(["Test", "UAT"]), pattern: "2021.1.1.*", destination: "Staging"),
            message: "No release of Database was found in environment(s) Test, UAT matching 2021.1.1.* that can be deployed to Staging."),
        MessageCase(
            name: "deploying an unpreviewed child says to run whatif",
            error: .notPreviewed(project: "Web API"),
            message: "Web API has no previewed release to deploy; run whatif first."),
        MessageCase(
            name: "a deployment without a task names the deployment",
            error: .deploymentWithoutTask(project: "Web API", deployment: "Deployments-7"),
            message: "The server created Deployments-7 for Web API without a task id, so it cannot be followed. Look at Deployments-7 on the server."),
    ]

    @Test(arguments: cases)
    func message(of messageCase: MessageCase) {
        #expect(messageCase.error.description == messageCase.message)
    }
}
