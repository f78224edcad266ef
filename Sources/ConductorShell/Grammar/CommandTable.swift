/// THE command table: every command the shell knows, in `help` order. The parser, `help`, the manual test
/// (docs/shell.md) and the completer read it; nothing dispatches on a command word anywhere else.
public enum CommandTable {
    public static let all: [CommandSpec] = [
        FindCommand.spec, WhatIfCommand.spec, ApproveCommand.spec, ScheduleCommand.spec, DeployCommand.spec,
        WaitCommand.spec, PlanCommand.spec, PromoteCommand.spec,
        StatusCommand.spec, CompareCommand.spec, ReleasesCommand.spec, TasksCommand.spec, LogCommand.spec, CancelCommand.spec,
        InterventionsCommand.spec, RespondCommand.spec, NotesCommand.spec, HistoryCommand.spec,
        UseCommand.spec, SaveCommand.spec, SetCommand.spec, ShowCommand.spec, UnsetCommand.spec,
        ConnectCommand.spec, DisconnectCommand.spec, SandboxCommand.spec, RefreshCommand.spec,
        HelpCommand.spec, TourCommand.spec, SourceCommand.spec, EchoCommand.spec, QuitCommand.spec,
    ]
}
