import Foundation
import OctopusModel
import Orchestration
import Synchronization

/// Shows what `deploy` and `wait` report. On a terminal: one line per child, redrawn in place (state, current
/// step, elapsed, and for a pending intervention who must act and the `respond` line), with one-off facts
/// (approvals given, interventions left to people, stages skipped) printed once above the block. Elsewhere: one
/// line per change. Each fact is said once.
public final class ProgressView: Sendable {
    private struct ChildLine {
        var project: String
        var state = "Queued"
        var step: String?
        var since = Date()
        var waitingOn: String?
        var finished = false
    }

    private struct State {
        var lines: [ChildLine] = []
        var drawn = 0
    }

    private let output: any TextOutput
    private let live: Bool
    private let style: Style
    private let state = Mutex(State())
    private let now: @Sendable () -> Date
    private let columns: @Sendable () -> Int?

    /// Creates a view.
    /// - Parameters:
    ///   - output: where the lines go.
    ///   - live: redraw in place (a terminal); otherwise print one line per change.
    ///   - style: ANSI styling, enabled only when the output colours.
    ///   - now: the clock for elapsed times.
    ///   - columns: the terminal's width at each redraw (nil: unknown), so a child's line that wraps is counted as the
    ///     rows it takes when the block moves back up to redraw.
    public init(
        output: any TextOutput, live: Bool, style: Style, now: @escaping @Sendable () -> Date = { Date() },
        columns: @escaping @Sendable () -> Int? = { nil }
    ) {
        self.output = output
        self.live = live
        self.style = style
        self.now = now
        self.columns = columns
    }

    /// The sink to hand the engine.
    public var sink: ProgressSink {
        { [self] event in self.receive(event) }
    }

    /// Receives one event.
    public func receive(_ event: ProgressEvent) {
        guard live else {
            output.message(TerminalText.clean(PromotionReport.progressLine(event)))
            return
        }
        state.withLock { state in
            var fact: String?
            switch event {
            case .stageStarted, .deploymentCreated, .approvalSubmitted, .interventionLeftToPeople, .laterStagesSkipped, .timedOut,
                 .interventionsCovered, .laterStagesNotScheduled:
                fact = PromotionReport.progressLine(event)
            default:
                break
            }
            update(&state, with: event)
            redraw(&state, fact: fact.map(TerminalText.clean))
        }
    }

    /// Ends the live block: the cursor stays below the last drawn line.
    public func finish() {
        state.withLock { $0.drawn = 0 }
    }

    private func index(of project: String, in state: inout State) -> Int {
        if let index = state.lines.firstIndex(where: { $0.project == project }) { return index }
        state.lines.append(ChildLine(project: project, since: now()))
        return state.lines.count - 1
    }

    private func update(_ state: inout State, with event: ProgressEvent) {
        switch event {
        case .stageStarted(_, let projects):
            for project in projects { _ = index(of: project, in: &state) }
        case .deploymentCreated(let project, _, let taskId, _, _):
            let i = index(of: project, in: &state)
            state.lines[i].state = "Queued (\(taskId.rawValue))"
            state.lines[i].since = now()
        case .stateChanged(let project, let taskState):
            let i = index(of: project, in: &state)
            state.lines[i].state = taskState.rawValue
            if taskState == .executing { state.lines[i].since = now() }
        case .stepStarted(let project, let step):
            state.lines[index(of: project, in: &state)].step = step
        case .interventionPending(let project, let title, let guidedFailure, let teams, _, let id):
            let who = teams.isEmpty ? "anyone with permission" : teams.joined(separator: ", ")
            let respond = id.isEmpty ? "" : " — respond \(id) \(guidedFailure ? "retry|ignore|abort" : "proceed")"
            state.lines[index(of: project, in: &state)].waitingOn = "waiting on '\(title)' (\(who) must act)\(respond)"
        case .approvalSubmitted(let project, _, _):
            state.lines[index(of: project, in: &state)].waitingOn = nil
        case .finished(let project, let outcome):
            let i = index(of: project, in: &state)
            state.lines[i].state = PromotionReport.outcomeText(outcome)
            state.lines[i].finished = true
            state.lines[i].waitingOn = nil
        case .followingExisting(let project, _, _, let taskId, let taskState, _):
            let i = index(of: project, in: &state)
            state.lines[i].state = "following \(taskId.rawValue) (\(taskState.rawValue))"
            state.lines[i].since = now()
        case .queuedBehind(let project, _, let blockers):
            state.lines[index(of: project, in: &state)].waitingOn = "queued behind \(blockers.joined(separator: ", "))"
        case .interventionLeftToPeople, .timedOut, .laterStagesSkipped, .retrying, .interventionsCovered, .laterStagesNotScheduled:
            break
        }
    }

    private func render(_ line: ChildLine) -> String {
        let elapsed = Int(now().timeIntervalSince(line.since))
        var text = TerminalText.clean(line.project).padding(toLength: 20, withPad: " ", startingAt: 0) + " "
        let stateText = line.finished
            ? (line.state == "succeeded" ? style.green(line.state) : style.red(line.state))
            : style.cyan(line.state)
        text += stateText
        if !line.finished {
            if let step = line.step { text += "  step '\(TerminalText.clean(step))'" }
            text += "  \(elapsed) s"
        }
        if let waiting = line.waitingOn { text += "  " + style.yellow(TerminalText.clean(waiting)) }
        return text
    }

    /// The terminal rows `line` takes at `width` columns (one when the width is unknown).
    static func rows(of line: String, width: Int?) -> Int {
        guard let width, width > 0 else { return 1 }
        return max(1, (TableLayout.visibleWidth(line) + width - 1) / width)
    }

    private func redraw(_ state: inout State, fact: String?) {
        var text = ""
        // Back to the block's top and clear everything below it: a wrapped fact or line would otherwise keep the
        // tail of an older, longer row on its second row.
        if state.drawn > 0 { text += "\u{1B}[\(state.drawn)A\r\u{1B}[J" }
        let width = columns()
        // A fact is prose said once above the block: broken between words, not where the terminal runs out.
        if let fact { text += "\r\u{1B}[2K" + ProseWrap.wrap(fact, width: width) + "\n" }
        state.drawn = 0
        for line in state.lines {
            let rendered = render(line)
            text += "\r\u{1B}[2K" + rendered + "\n"
            state.drawn += Self.rows(of: rendered, width: width)
        }
        text += "\u{1B}[J"
        // One write per redraw, so the block never flickers half-drawn.
        output.writeError(text)
    }
}
