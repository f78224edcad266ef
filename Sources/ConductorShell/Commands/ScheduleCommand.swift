import Foundation
import Orchestration

/// `schedule TIME [until TIME]`, `schedule now`: the server-side start of the first stage (QueueTime), echoed as an
/// absolute time with its UTC offset and how far away it is.
enum ScheduleCommand {
    static let spec = CommandSpec(
        "schedule", group: .promotion, abstract: "Set when the first stage starts (server-side QueueTime); 'schedule now' clears it",
        examples: ["schedule 19:00", "schedule tomorrow 19:00", "schedule +2h until +3h", "schedule now"],
        parameters: [
            .positional("time", .time, required: true, rest: true, help: "19:00, tomorrow 19:00, 2021-06-01 19:00, +2h, or now"),
            .keyword("until", .time, help: "The latest start (default: an hour after the start)"),
        ],
        handler: run)

    static func run(_ invocation: Invocation, _ session: Session, _ io: ShellIO) async throws -> CommandOutcome {
        var session = session
        let engine = try session.engine()
        var plan = try CommandSupport.openPlan(session, for: "schedule")
        let text = invocation["time"] ?? "now"
        if text.lowercased() == "now" {
            plan = try engine.schedule(plan, at: nil)
            try session.keep(plan)
            io.output.message("Not scheduled: 'deploy' starts the first stage at once.")
            return CommandOutcome(session)
        }
        plan = try engine.schedule(plan, at: text, timeZone: session.timeZone)
        if let until = invocation["until"], var schedule = plan.schedule {
            guard let end = try ScheduleParser(timeZone: session.timeZone).parse(until, now: schedule.queueTime.addingTimeInterval(-1))?.queueTime,
                  end > schedule.queueTime else {
                throw ShellError.outOfRange(what: "until", value: until, bound: "must be after the start, \(schedule.absoluteText)")
            }
            schedule.queueTimeExpiry = end
            plan.schedule = schedule
        }
        try session.keep(plan)
        if let schedule = plan.schedule {
            io.output.write("Scheduled: \(schedule.echo(now: Date()))\n")
            // Said only when more than one stage has something to deploy: a skipped stage needs nobody waiting.
            let deployingStages = Set(plan.deployable.map(\.stage)).count
            if deployingStages == 0 {
                io.output.message("Nothing would start then: every child is skipped (see the ACTION column).")
            } else if deployingStages > 1 {
                io.output.message("The first stage starts then on the server. Later stages keep their order: they start when 'wait' sees the stage before succeed, so leave 'wait' running (or run: conductor -c wait).")
            }
        }
        return CommandOutcome(session)
    }
}
