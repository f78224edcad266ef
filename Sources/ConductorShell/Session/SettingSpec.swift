import Foundation
import Orchestration

/// One session variable of shell.md §4: its name (equal to `conductor promote`'s flag name where one exists), the
/// values it takes, its default as `show` prints it, and whether changing it makes an open plan stale.
public struct SettingSpec: Sendable {
    /// The name for `set NAME VALUE`.
    public var name: String
    /// The kind of value (checked by `set`, offered by Tab).
    public var kind: ValueKind
    /// What `show` prints when unset.
    public var defaultText: String
    /// One line of help.
    public var help: String
    /// Whether changing it after `find` marks the plan stale (shell.md §5).
    public var affectsPlan: Bool

    /// Creates a setting.
    public init(_ name: String, _ kind: ValueKind, default defaultText: String, affectsPlan: Bool = true, help: String) {
        self.name = name
        self.kind = kind
        self.defaultText = defaultText
        self.help = help
        self.affectsPlan = affectsPlan
    }

    static let onOff = ValueKind.choice(["on", "off"])

    /// Every session variable, in `show` order. `variable.NAME` (a prompted variable) is matched by its prefix.
    public static let all: [SettingSpec] = [
        SettingSpec("pattern", .releasePattern, default: "none (latest)", help: "Release number pattern, * and ? anywhere, e.g. 2021.1.0.*"),
        SettingSpec("to", .environment, default: "none", help: "Destination environment"),
        SettingSpec("from", .environment, default: "the lifecycle's previous phase", help: "Source environment override"),
        SettingSpec("channel", .channel, default: "each project's default channel", help: "Channel releases are taken from"),
        SettingSpec("tenant", .tenant, default: "untenanted", help: "Tenant to deploy for"),
        SettingSpec("mode", .choice(["promote", "redeploy", "always-latest"]), default: "promote", help: "Release selection: promote, redeploy or always-latest"),
        SettingSpec("on-missing", .choice(["error", "warning", "skip"]), default: "warning", help: "When no release qualifies"),
        SettingSpec("timeout", .duration, default: "30m", affectsPlan: false, help: "Cancel a child still running after this long"),
        SettingSpec("time-zone", .choice(["UTC"] + TimeZone.knownTimeZoneIdentifiers.filter { $0 != "UTC" }.sorted()), default: "the machine's", affectsPlan: false, help: "Zone times are read in (IANA name)"),
        SettingSpec("auto-approve", onOff, default: "on", affectsPlan: false, help: "Approve covered child manual interventions while waiting"),
        SettingSpec("parent", .project, default: "none", help: "Parent (orchestration) project whose approvals carry over"),
        SettingSpec("parent-release", .version, default: "none", help: "The parent project's release holding the approvals"),
        SettingSpec("approval-environment", .environment, default: "the destination", help: "Environment of the parent deployment holding the approvals"),
        SettingSpec("approval-tenant", .tenant, default: "the deployment tenant", help: "Tenant of the parent deployment holding the approvals"),
        SettingSpec("machines", .text, default: "none", help: "Deploy only to these targets (comma-separated names or Machines-N ids)"),
        SettingSpec("ignore-machine-mismatch", onOff, default: "off", help: "Deploy to all targets when a child has none of the machines"),
        SettingSpec("refresh-snapshots", onOff, default: "off", help: "Refresh stale variable snapshots before deploying"),
        SettingSpec("concurrency", .count, default: "16", affectsPlan: false, help: "Requests in flight while resolving children"),
        SettingSpec("output", .choice(OutputFormat.allCases.map(\.rawValue)), default: "table", affectsPlan: false, help: "Result format on standard output"),
        SettingSpec("on-error", .choice(["stop", "continue"]), default: "stop in batch", affectsPlan: false, help: "What a script does after a failed command"),
        SettingSpec("confirm", onOff, default: "on", affectsPlan: false, help: "Ask before deploy, promote, cancel and abort"),
        SettingSpec("protect", .text, default: "names containing 'prod'", affectsPlan: false, help: "Environments (comma-separated) whose name must be typed to confirm"),
        SettingSpec("poll", .duration, default: "5s (sandbox: 200ms)", affectsPlan: false, help: "Wait poll interval"),
    ]

    /// The spec named `name`; `variable.X` maps to the prompted-variable spec.
    public static func named(_ name: String) -> SettingSpec? {
        if name.hasPrefix("variable."), name.count > "variable.".count {
            return SettingSpec(name, .text, default: "none", help: "Value of the prompted variable '\(name.dropFirst("variable.".count))'")
        }
        return all.first { $0.name == name }
    }

    /// Checks and normalises a value.
    /// - Throws: `ShellError.invalidSetting` naming the valid values.
    public func normalise(_ value: String) throws -> String {
        func invalid(_ valid: String) -> ShellError { .invalidSetting(name: name, value: value, valid: valid) }
        switch kind {
        case .choice(let words) where name == "time-zone":
            guard TimeZone(identifier: value) != nil else {
                let close = NameSuggestions.closest(to: value, among: words)
                throw invalid("an IANA time zone such as 'Europe/London' or 'UTC'" + (close.isEmpty ? "" : "; did you mean \(close.map { "'\($0)'" }.joined(separator: ", "))?"))
            }
            return value
        case .choice(let words):
            guard let match = words.first(where: { $0.caseInsensitiveCompare(value) == .orderedSame }) else {
                throw invalid(words.map { "'\($0)'" }.joined(separator: ", "))
            }
            return match
        case .duration:
            guard DurationText.seconds(value) != nil else { throw invalid(DurationText.hint) }
            if name == "poll", let seconds = DurationText.seconds(value), seconds < 0.05 || seconds > 3600 {
                throw invalid("a poll interval from 50ms to 1h")
            }
            return value
        case .count:
            guard let number = Int(value), (1...64).contains(number) else { throw invalid("a whole number from 1 to 64") }
            return String(number)
        case .releasePattern:
            do {
                _ = try VersionPattern(value)
            } catch {
                throw invalid("a pattern with '*' for any text and '?' for one character, e.g. '2021.1.*'")
            }
            return value
        default:
            guard !value.trimmingCharacters(in: .whitespaces).isEmpty else { throw invalid("a non-empty value (use 'unset \(name)' to clear it)") }
            return value
        }
    }
}
