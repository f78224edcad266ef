import Foundation
import OctopusModel
@testable import Orchestration
import Testing

/// The wait loop's pure decisions.
struct WaitDecisionTests {
    /// B3: TimedOut ends a child like Failed and Canceled; the running states do not.
    @Test(arguments: [
        (TaskState.success, ChildOutcome.success), (.failed, .failed), (.canceled, .canceled), (.timedOut, .timedOut),
    ])
    func terminalStates(state: TaskState, outcome: ChildOutcome) {
        #expect(PromotionEngine.outcome(of: state) == outcome)
    }

    @Test(arguments: [TaskState.queued, .executing, .cancelling])
    func runningStates(state: TaskState) {
        #expect(PromotionEngine.outcome(of: state) == nil)
    }

    /// Queued tasks scheduled for later are not polled through the night.
    @Test func pauseUntilTheScheduledStart() {
        let now = Date(timeIntervalSince1970: 1_000_000)
        var queued = ServerTask()
        queued.state = .queued
        queued.queueTime = now.addingTimeInterval(3600)
        var running = ServerTask()
        running.state = .executing
        #expect(PromotionEngine.pause(before: [queued], now: now, pollInterval: .seconds(5)) == .seconds(3600))
        #expect(PromotionEngine.pause(before: [queued, running], now: now, pollInterval: .seconds(5)) == .seconds(5))
        queued.queueTime = now.addingTimeInterval(-10)
        #expect(PromotionEngine.pause(before: [queued], now: now, pollInterval: .seconds(5)) == .seconds(5))
    }
}

/// B16: which answered interruptions count as approvals.
struct ApprovalCountingTests {
    static func interruption(type: String = "ManualIntervention", title: String = "QA Approval", pending: Bool = false, values: [String: String?], guidance: Bool = false) -> Interruption {
        Interruption(title: title, type: type, isPending: pending, form: Form(values: values, elements: guidance ? [FormElement(name: "Guidance")] : [FormElement(name: "Result")]))
    }

    @Test func onlyProceededManualInterventionsCount() {
        #expect(Self.interruption(values: ["Result": "Proceed"]).isProceededManualIntervention)
        #expect(Self.interruption(values: ["Result": "proceed"]).isProceededManualIntervention)
        #expect(!Self.interruption(values: ["Result": "Abort"]).isProceededManualIntervention)
        #expect(!Self.interruption(pending: true, values: ["Result": nil]).isProceededManualIntervention)
        #expect(!Self.interruption(type: "GuidedFailure", title: "Deploy requires failure guidance", values: ["Guidance": "Retry"], guidance: true).isProceededManualIntervention)
    }

    @Test func guidedFailureIsRecognised() {
        #expect(Self.interruption(type: "GuidedFailure", values: [:]).isGuidedFailure)
        #expect(Self.interruption(type: "", title: "Deploy Web API requires failure guidance", values: [:]).isGuidedFailure)
        #expect(Self.interruption(type: "", values: [:], guidance: true).isGuidedFailure)
        #expect(!Self.interruption(values: [:]).isGuidedFailure)
    }
}
