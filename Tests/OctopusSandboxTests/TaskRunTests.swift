import Foundation
import OctopusModel
import Testing

@testable import OctopusSandbox

/// The task simulator's state machine, driven by explicit times (no clock, no sleeping).
struct TaskRunTests {
    let t0 = Date(timeIntervalSince1970: 1_700_000_000)

    func plan(failAt: Int? = nil, intervention: Int? = nil, guided: Bool = false) -> TaskRunPlan {
        let steps = (0..<3).map { index in
            SimulatedStep(
                actionId: "action-\(index)", actionNumber: "\(index + 1)", name: "Step \(index + 1)",
                kind: index == intervention ? .manualIntervention : .work, duration: 10, targets: ["web01"],
                instructions: index == intervention ? "Check the site" : nil,
                responsibleTeamIds: index == intervention ? ["Teams-2"] : [],
                failureMessage: index == failAt ? "Exit code 1" : nil)
        }
        return TaskRunPlan(steps: steps, useGuidedFailure: guided)
    }

    func at(_ seconds: TimeInterval) -> Date { t0.addingTimeInterval(seconds) }

    @Test func runsEveryStepAndSucceeds() {
        var run = TaskRun(plan: plan(), queueTime: t0)
        #expect(run.advance(to: at(0)) == [.started(at: t0)])
        #expect(run.state == .executing)
        #expect(run.advance(to: at(15)).isEmpty)
        #expect(run.currentStep == 1)
        #expect(run.steps[0].status == .success)
        #expect(run.steps[1].status == .running)
        #expect(run.advance(to: at(100)) == [.finished(.success, at: at(30))])
        #expect(run.state == .success)
        #expect(run.completedTime == at(30))
        #expect(run.steps.allSatisfy { $0.status == .success })
    }

    @Test func staysQueuedUntilQueueTime() {
        var run = TaskRun(plan: plan(), queueTime: at(60), queueTimeExpiry: at(3660))
        #expect(run.advance(to: at(59)).isEmpty)
        #expect(run.state == .queued)
        #expect(run.startTime == nil)
        #expect(run.advance(to: at(61)) == [.started(at: at(60))])
        #expect(run.startTime == at(60))
    }

    @Test func timesOutWhenExpiryPassesBeforeItCanStart() {
        // Blocked by another deployment to the same environment that is still running.
        var run = TaskRun(plan: plan(), queueTime: t0, queueTimeExpiry: at(30))
        #expect(run.advance(to: at(29), blockedUntil: .distantFuture).isEmpty)
        #expect(run.advance(to: at(31), blockedUntil: .distantFuture) == [.finished(.timedOut, at: at(30))])
        #expect(run.state == .timedOut)
        #expect(run.startTime == nil)
        #expect(run.errorMessage.contains("queue time expiry"))
    }

    @Test func startsWhenTheBlockingTaskEnds() {
        var run = TaskRun(plan: plan(), queueTime: t0, queueTimeExpiry: at(30))
        #expect(run.advance(to: at(40), blockedUntil: at(20)).first == .started(at: at(20)))
    }

    @Test func nextTransitionIsTheNextThingThatHappensByItself() throws {
        var blocked = TaskRun(plan: plan(intervention: 1), queueTime: t0, queueTimeExpiry: at(30))
        #expect(blocked.advance(to: at(10), blockedUntil: .distantFuture).isEmpty)
        #expect(blocked.nextTransition(after: at(10)) == at(30))
        var running = TaskRun(plan: plan(intervention: 1), queueTime: t0)
        _ = running.advance(to: at(5))
        #expect(running.nextTransition(after: at(5)) == at(10))
        _ = running.advance(to: at(11))
        #expect(running.pending != nil)
        #expect(running.nextTransition(after: at(11)) == nil)
        _ = running.requestCancel(at: at(12))
        #expect(running.nextTransition(after: at(12)) == at(14))
    }

    @Test func pausesOnManualInterventionAndProceeds() throws {
        var run = TaskRun(plan: plan(intervention: 1), queueTime: t0)
        let effects = run.advance(to: at(100))
        guard case .interruptionRaised(let request) = effects.last else {
            Issue.record("expected an interruption, got \(effects)")
            return
        }
        #expect(request.kind == .manualIntervention)
        #expect(request.raisedAt == at(10))
        #expect(request.responsibleTeamIds == ["Teams-2"])
        #expect(request.instructions == "Check the site")
        #expect(run.state == .executing)
        #expect(run.pending?.stepIndex == 1)
        #expect(run.advance(to: at(500)).isEmpty)

        let after = try run.resolve(.proceed(notes: "ok"), by: "qa", at: at(500))
        #expect(after.isEmpty)
        #expect(run.steps[1].status == .success)
        #expect(run.steps[1].log.last?.messageText == "Manual intervention approved by qa: ok")
        #expect(run.advance(to: at(510)) == [.finished(.success, at: at(510))])
    }

    @Test func abortFailsTheTask() throws {
        var run = TaskRun(plan: plan(intervention: 0), queueTime: t0)
        _ = run.advance(to: at(1))
        let effects = try run.resolve(.abort(notes: nil), by: "qa", at: at(5))
        #expect(effects == [.finished(.failed, at: at(5))])
        #expect(run.state == .failed)
        #expect(run.errorMessage == TaskRun.failedMessage)
        #expect(run.steps[1].status == .skipped)
    }

    @Test func failsAtTheArrangedStep() {
        var run = TaskRun(plan: plan(failAt: 1), queueTime: t0)
        #expect(run.advance(to: at(100)).last == .finished(.failed, at: at(20)))
        #expect(run.steps.map(\.status) == [.success, .failed, .skipped])
        #expect(run.hasWarningsOrErrors)
        #expect(run.steps[1].log.contains { $0.category == .error && $0.messageText == "Exit code 1" })
    }

    @Test func guidedFailureAsksInsteadOfFailing() throws {
        var run = TaskRun(plan: plan(failAt: 0, guided: true), queueTime: t0)
        let effects = run.advance(to: at(100))
        guard case .interruptionRaised(let request) = effects.last else {
            Issue.record("expected a guided failure, got \(effects)")
            return
        }
        #expect(request.kind == .guidedFailure)
        #expect(request.responsibleTeamIds.isEmpty)
        #expect(run.state == .executing)
        #expect(throws: TaskRunError.wrongResolution(.proceed(notes: nil), .guidedFailure)) {
            try run.resolve(.proceed(notes: nil), by: "ops", at: at(100))
        }
        // Retry runs the step again; the arranged failure affects the first attempt only.
        #expect(try run.resolve(.retry(notes: nil), by: "ops", at: at(100)).isEmpty)
        #expect(run.advance(to: at(200)) == [.finished(.success, at: at(130))])
        #expect(run.steps[0].attempts == 2)
    }

    @Test func guidedFailureCanFailOrIgnore() throws {
        var failing = TaskRun(plan: plan(failAt: 0, guided: true), queueTime: t0)
        _ = failing.advance(to: at(10))
        #expect(try failing.resolve(.fail(notes: nil), by: "ops", at: at(11)) == [.finished(.failed, at: at(11))])

        var ignoring = TaskRun(plan: plan(failAt: 0, guided: true), queueTime: t0)
        _ = ignoring.advance(to: at(10))
        #expect(try ignoring.resolve(.ignore(notes: nil), by: "ops", at: at(11)).isEmpty)
        #expect(ignoring.advance(to: at(100)) == [.finished(.success, at: at(31))])
        #expect(ignoring.steps[0].status == .successWithWarning)
        #expect(ignoring.hasWarningsOrErrors)
    }

    @Test func cancelQueuedIsImmediate() {
        var run = TaskRun(plan: plan(), queueTime: at(600))
        #expect(run.requestCancel(at: at(5)) == [.finished(.canceled, at: at(5))])
        #expect(run.state == .canceled)
        #expect(run.advance(to: at(700)).isEmpty)
    }

    @Test func cancelExecutingGoesThroughCancelling() {
        var run = TaskRun(plan: plan(intervention: 1), queueTime: t0)
        _ = run.advance(to: at(12))
        #expect(run.requestCancel(at: at(12)) == [.interruptionsClosed(at: at(12))])
        #expect(run.state == .cancelling)
        #expect(run.advance(to: at(13)).isEmpty)
        #expect(run.advance(to: at(20)) == [.finished(.canceled, at: at(14))])
        #expect(run.steps.map(\.status) == [.success, .canceled, .skipped])
        #expect(throws: TaskRunError.notWaiting) { try run.resolve(.proceed(notes: nil), by: "qa", at: at(21)) }
    }
}
