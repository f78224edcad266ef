import Foundation
import LineEditor
import Orchestration

/// Tab's answer, pure and synchronous: (line before the cursor, catalogue, session facts) → the word to replace and
/// its ranked candidates. Everything it knows about commands comes from the command table, so a new command completes
/// without a change here; everything it knows about the server comes from the snapshot, so it never waits on the
/// network.
public struct Completer: Sendable {
    /// The command table.
    public var commands: [CommandSpec]
    /// The clock for release ages in descriptions.
    public var now: @Sendable () -> Date

    public init(commands: [CommandSpec] = CommandTable.all, now: @escaping @Sendable () -> Date = Date.init) {
        self.commands = commands
        self.now = now
    }

    /// Completes the last statement of `lineBeforeCursor`.
    public func complete(_ lineBeforeCursor: String, snapshot: CompletionSnapshot, context: CompletionContext) -> CompletionResult {
        guard let statement = StatementSplitter.unfinishedStatement(in: lineBeforeCursor) else {
            return CompletionResult(word: "", candidates: [])
        }
        let tokens = Tokenizer.scan(statement)
        return complete(words: tokens.words, partial: tokens.partial, snapshot: snapshot, context: context)
    }

    /// Completes `partial` after the finished `words` of one statement.
    public func complete(words: [String], partial: PartialWord, snapshot: CompletionSnapshot, context: CompletionContext) -> CompletionResult {
        let analysis = LineAnalysis(commands: commands)
        let suggestion = analysis.suggestion(after: words, partial: partial)
        let sources = Sources(commands: commands, snapshot: snapshot, context: context, now: now())
        var expectsFile = false
        var releaseProjects: [String] = []
        let candidates: [CompletionCandidate]
        switch suggestion {
        case .none:
            candidates = []
        case .command:
            candidates = commands.flatMap { spec in spec.words.map { CompletionCandidate($0, spec.abstract) } }
        case .subcommand(let path, let alsoParameters):
            let spec = analysis.spec(at: path)
            var list = spec?.subcommands.map { CompletionCandidate($0.name, $0.abstract) } ?? []
            if alsoParameters, let spec { list += parameterCandidates(spec, positional: nil, facts: LineFacts(), partial: partial, sources: sources) }
            candidates = list
        case .value(let kind, let facts):
            expectsFile = kind == .file
            if kind == .version || kind == .releasePattern { releaseProjects = sources.projectsInScope(facts) }
            candidates = sources.values(kind, facts: facts, partial: partial.text)
        case .parameters(let path, let positional, let facts):
            expectsFile = positional == .file
            if positional == .version || positional == .releasePattern { releaseProjects = sources.projectsInScope(facts) }
            guard let spec = analysis.spec(at: path) else { return CompletionResult(word: partial.text, candidates: []) }
            candidates = parameterCandidates(spec, positional: positional, facts: facts, partial: partial, sources: sources)
        }
        var result = CompletionResult(word: partial.text, candidates: CompletionRanking.best(candidates, for: partial.text), expectsFile: expectsFile)
        result.wantsReleasesOf = releaseProjects.filter {
            snapshot.projectIDs[$0] != nil && snapshot.fetched[CompletionSnapshot.projectKey($0)] == nil
        }
        return result
    }

    /// What the proposal for the line editor carries (values only, already ranked).
    public func proposal(_ lineBeforeCursor: String, snapshot: CompletionSnapshot, context: CompletionContext) -> CompletionProposal {
        proposal(lineBeforeCursor, result: complete(lineBeforeCursor, snapshot: snapshot, context: context))
    }

    /// The proposal for a result already worked out for `lineBeforeCursor`.
    public func proposal(_ lineBeforeCursor: String, result: CompletionResult) -> CompletionProposal {
        let statement = StatementSplitter.unfinishedStatement(in: lineBeforeCursor) ?? ""
        return CompletionProposal(word: Tokenizer.scan(statement).partial, candidates: result.values, isRanked: true)
    }

    /// The ranked values of `kind` for `typed` (the outer shells' option values).
    public func values(_ kind: ValueKind, facts: LineFacts, typed: String, snapshot: CompletionSnapshot, context: CompletionContext) -> [CompletionCandidate] {
        let sources = Sources(commands: commands, snapshot: snapshot, context: context, now: now())
        return CompletionRanking.best(sources.values(kind, facts: facts, partial: typed), for: typed)
    }

    /// Options when the word starts with `-`; otherwise the positional's values and the unused keywords.
    private func parameterCandidates(_ spec: CommandSpec, positional: ValueKind?, facts: LineFacts, partial: PartialWord, sources: Sources) -> [CompletionCandidate] {
        let unused = spec.parameters.filter { !facts.used.contains($0.name) }
        if partial.raw.hasPrefix("-") {
            return unused.compactMap { parameter in
                switch parameter.form {
                case .option(let name, _), .flag(let name, _): CompletionCandidate("--" + name, parameter.help)
                default: nil
                }
            }
        }
        var list = positional.map { sources.values($0, facts: facts, partial: partial.text) } ?? []
        list += unused.compactMap { parameter in
            if case .keyword(let word) = parameter.form { return CompletionCandidate(word, parameter.help) }
            return nil
        }
        return list
    }
}

extension Completer {
    /// The lists each value kind draws from.
    struct Sources {
        let commands: [CommandSpec]
        let snapshot: CompletionSnapshot
        let context: CompletionContext
        let now: Date

        func values(_ kind: ValueKind, facts: LineFacts, partial: String) -> [CompletionCandidate] {
            switch kind {
            // A rest-of-line list (`status A B`) offers each project once.
            case .project: return projects(excluding: Set(facts.named))
            case .stages:
                let named = Set(facts.named.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ", ")) })
                var list = projects(excluding: named)
                if let last = facts.named.last, last != "then", !last.hasSuffix(",") {
                    list.append(CompletionCandidate("then", "the next stage starts after this one"))
                }
                return list
            case .projectGroup: return named(snapshot.projectGroups, folded: snapshot.foldedProjectGroups, "project group")
            case .environment: return environments()
            case .channel:
                return projectsInScope(facts).flatMap { project in
                    (snapshot.channels[project] ?? []).map { CompletionCandidate($0, "channel of \(project)") }
                }
            case .tenant: return named(snapshot.tenants, folded: snapshot.foldedTenants, "tenant")
            case .releasePattern, .version: return releases(facts)
            case .taskID: return snapshot.tasks.map { CompletionCandidate($0.id, $0.title) }
            case .interventionID: return snapshot.interventions.map { CompletionCandidate($0.id, $0.title) }
            case .duration: return ["30s", "5m", "30m", "1h", "2h"].map { CompletionCandidate($0, "duration") }
            case .time: return ["now", "+1h", "19:00"].map { CompletionCandidate($0, "time") }
            case .file: return files(partial)
            case .settingName: return SettingSpec.all.map { CompletionCandidate($0.name, $0.help) }
            case .settingValue:
                guard let name = facts.setting, let setting = SettingSpec.named(name), setting.kind != .settingValue else { return [] }
                return values(setting.kind, facts: facts, partial: partial)
            case .sandboxUser: return context.sandboxUsers.map { CompletionCandidate($0, "seeded sandbox user") }
            case .profile: return context.profiles.map { CompletionCandidate($0, "profile") }
            case .applicationName: return context.applications.map { CompletionCandidate($0, "saved application") }
            case .space: return snapshot.spaces.map { CompletionCandidate($0, "space") }
            case .choice(let words): return words.map { CompletionCandidate($0) }
            case .command: return commands.map { CompletionCandidate($0.name, $0.abstract) }
            case .text, .url, .count: return []
            }
        }

        /// A list's names with their folded forms (worked out once per catalogue) and one description.
        func named(_ names: [String], folded: FoldedNames, _ description: String) -> [CompletionCandidate] {
            zip(names, folded.of(names)).map { CompletionCandidate($0, about: .text(description), folded: $1) }
        }

        /// The application's projects first, then the rest by name; the group as description.
        func projects(excluding named: Set<String>) -> [CompletionCandidate] {
            // One pass over the catalogue (no dictionary per Tab): the application's few projects are looked up.
            let first = Set(context.applicationProjects)
            var list = context.applicationProjects.compactMap { name -> CompletionCandidate? in
                guard !named.contains(name), let group = snapshot.group(ofProject: name) else { return nil }
                return CompletionCandidate(name, "in the application · \(group)")
            }
            list.reserveCapacity(snapshot.projects.count)
            let folded = snapshot.foldedProjects.of(snapshot.projects.lazy.map(\.name))
            for (project, folded) in zip(snapshot.projects, folded) where !first.contains(project.name) && !named.contains(project.name) {
                list.append(CompletionCandidate(project.name, about: .text(project.group), folded: folded))
            }
            return list
        }

        /// Lifecycle (sort) order with the plan's next environment first.
        func environments() -> [CompletionCandidate] {
            let all = snapshot.environments
            let folded = snapshot.foldedEnvironments.of(all)
            let next = context.nextEnvironment.flatMap { wanted in all.firstIndex { $0.caseInsensitiveCompare(wanted) == .orderedSame } }
            var list: [CompletionCandidate] = []
            list.reserveCapacity(all.count)
            if let next { list.append(CompletionCandidate(all[next], about: .text("next"), folded: folded[next])) }
            for (index, name) in all.enumerated() where index != next {
                list.append(CompletionCandidate(name, about: .position(index + 1, of: all.count), folded: folded[index]))
            }
            return list
        }

        /// The project named on the line, else the application's.
        func projectsInScope(_ facts: LineFacts) -> [String] {
            if let project = facts.project { return [project] }
            return context.applicationProjects
        }

        /// Newest first, those matching the session's pattern before the rest; channel and age as description.
        func releases(_ facts: LineFacts) -> [CompletionCandidate] {
            let pattern = context.pattern.flatMap { try? VersionPattern($0) }
            var matching: [CompletionCandidate] = []
            var others: [CompletionCandidate] = []
            for project in projectsInScope(facts) {
                for release in snapshot.releases[project] ?? [] {
                    let candidate = CompletionCandidate(release.version, about: .release(channel: release.channel, created: release.created, now: now))
                    if pattern?.matches(release.version) ?? false { matching.append(candidate) } else { others.append(candidate) }
                }
            }
            return matching + others
        }

        /// Entries of the folder the partial path names; folders end in `/`.
        func files(_ partial: String) -> [CompletionCandidate] {
            let slash = partial.lastIndex(of: "/")
            let folderPart = slash.map { String(partial[...$0]) } ?? ""
            let folder: String
            if folderPart.hasPrefix("/") { folder = folderPart } else if folderPart.hasPrefix("~/") {
                folder = NSHomeDirectory() + folderPart.dropFirst()
            } else { folder = context.directory + "/" + folderPart }
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
            return names.sorted().filter { !$0.hasPrefix(".") || partial.hasPrefix(folderPart + ".") }.map { name in
                var isFolder: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: folder + name, isDirectory: &isFolder)
                return CompletionCandidate(folderPart + name + (isFolder.boolValue ? "/" : ""), isFolder.boolValue ? "folder" : "file")
            }
        }
    }
}

/// `3 days ago`, `2 h ago`, `just now`: a release's age in a candidate's description.
enum AgeText {
    static func text(from date: Date, to now: Date) -> String {
        let seconds = Int(now.timeIntervalSince(date))
        switch seconds {
        case ..<60: return "just now"
        case ..<3600: return "\(seconds / 60) min ago"
        case ..<86_400: return "\(seconds / 3600) h ago"
        default: return "\(seconds / 86_400) days ago"
        }
    }
}
