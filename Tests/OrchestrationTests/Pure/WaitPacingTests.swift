import Foundation
import OctopusModel
@testable import Orchestration
import Testing

/// When the wait polls next (`WaitPacing`): quick right after a change and while tasks are young or near their
/// expected end, the poll interval for long-running ones, the scheduled start for tasks queued for later.
struct WaitPacingTests {
    static let now = Date(timeIntervalSince1970: 1_000_000)
    static let pacing = WaitPacing(interval: .seconds(5), quick: .milliseconds(500))

    static func executing(for seconds: TimeInterval) -> ServerTask {
        var task = ServerTask()
        task.state = .executing
        task.startTime = now.addingTimeInterval(-seconds)
        return task
    }

    @Test func quickRightAfterAChange() {
        #expect(Self.pacing.pause(before: [Self.executing(for: 600)], now: Self.now, changed: true) == .milliseconds(500))
    }

    @Test func aTenthOfTheTimeRunSoFarBetweenQuickAndTheInterval() {
        #expect(Self.pacing.pause(before: [Self.executing(for: 2)], now: Self.now, changed: false) == .milliseconds(500))
        #expect(Self.pacing.pause(before: [Self.executing(for: 20)], now: Self.now, changed: false) == .seconds(2))
        #expect(Self.pacing.pause(before: [Self.executing(for: 600)], now: Self.now, changed: false) == .seconds(5))
        // The youngest task decides.
        #expect(Self.pacing.pause(before: [Self.executing(for: 600), Self.executing(for: 20)], now: Self.now, changed: false) == .seconds(2))
    }

    @Test func queuedToStartNowIsPolledQuickly() {
        var queued = ServerTask()
        queued.state = .queued
        #expect(Self.pacing.pause(before: [queued, Self.executing(for: 600)], now: Self.now, changed: false) == .milliseconds(500))
    }

    @Test func nearTheExpectedEndPollsQuickly() {
        let task = Self.executing(for: 290)
        // Expected to take 300 s: from 270 s on, quick polls.
        #expect(Self.pacing.pause(before: [task], now: Self.now, changed: false, expectedDuration: { _ in 300 }) == .milliseconds(500))
        // At 200 s of 300: the next poll no later than when the window opens (70 s away), so the interval.
        #expect(Self.pacing.pause(before: [Self.executing(for: 200)], now: Self.now, changed: false, expectedDuration: { _ in 300 }) == .seconds(5))
        // At 267 s: 3 s before the window opens.
        #expect(Self.pacing.pause(before: [Self.executing(for: 267)], now: Self.now, changed: false, expectedDuration: { _ in 300 }) == .seconds(3))
        // Long past it (more than 1.5 × + the interval): back to the interval.
        #expect(Self.pacing.pause(before: [Self.executing(for: 600)], now: Self.now, changed: false, expectedDuration: { _ in 300 }) == .seconds(5))
    }

    @Test func scheduledTasksWaitForTheirStart() {
        var queued = ServerTask()
        queued.state = .queued
        queued.queueTime = Self.now.addingTimeInterval(3600)
        #expect(Self.pacing.pause(before: [queued], now: Self.now, changed: true) == .seconds(3600))
        // A scheduled task beside a running one does not make every poll quick.
        #expect(Self.pacing.pause(before: [queued, Self.executing(for: 600)], now: Self.now, changed: false) == .seconds(5))
    }
}
