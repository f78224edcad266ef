/// What kind of value a parameter takes: the single join point of parsing (how the text is checked), help (its
/// placeholder) and completion (which catalogue list answers Tab). Never a closure, so completing can never reach
/// the network.
public enum ValueKind: Sendable, Hashable {
    /// A project name.
    case project
    /// Stages of projects: `Database then Web API, Scheduling Service` (several words join).
    case stages
    /// A project group name.
    case projectGroup
    /// An environment name.
    case environment
    /// A channel of the project named earlier on the line.
    case channel
    /// A tenant name.
    case tenant
    /// A release-number pattern, `*` and `?` anywhere.
    case releasePattern
    /// An exact release version.
    case version
    /// A server task id (`ServerTasks-12`).
    case taskID
    /// A manual-intervention id (`Interruptions-3`).
    case interventionID
    /// A duration: `90s`, `30m`, `2h`, `1800`.
    case duration
    /// A time, in any form the schedule parser reads (`19:00`, `tomorrow 19:00`, `+2h`).
    case time
    /// A file path.
    case file
    /// Free text.
    case text
    /// A session variable name.
    case settingName
    /// A value of the session variable named before it.
    case settingValue
    /// A seeded sandbox user (display name).
    case sandboxUser
    /// A saved profile name.
    case profile
    /// A saved application name.
    case applicationName
    /// A space name.
    case space
    /// A server URL.
    case url
    /// A positive whole number.
    case count
    /// One of fixed words.
    case choice([String])
    /// A command word (for `help COMMAND`).
    case command

    /// The placeholder shown in usage lines.
    public var placeholder: String {
        switch self {
        case .project: "PROJECT"
        case .stages: "STAGES"
        case .projectGroup: "GROUP"
        case .environment: "ENV"
        case .channel: "CHANNEL"
        case .tenant: "TENANT"
        case .releasePattern: "PATTERN"
        case .version: "VERSION"
        case .taskID: "TASK"
        case .interventionID: "ID"
        case .duration: "DURATION"
        case .time: "TIME"
        case .file: "FILE"
        case .text: "TEXT"
        case .settingName: "NAME"
        case .settingValue: "VALUE"
        case .sandboxUser: "USER"
        case .profile: "PROFILE"
        case .applicationName: "NAME"
        case .space: "SPACE"
        case .url: "URL"
        case .count: "N"
        case .choice(let words): words.joined(separator: "|")
        case .command: "COMMAND"
        }
    }
}
