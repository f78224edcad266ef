import LineEditor

/// Reads the finished words of a statement against the command table the way `CommandParser` does, without
/// throwing: where it stops is what Tab completes.
struct LineAnalysis {
    let commands: [CommandSpec]

    func suggestion(after words: [String], partial: PartialWord) -> Suggestion {
        guard let first = words.first else { return .command }
        guard var spec = commands.first(where: { $0.words.contains(first) }) else { return .none }
        var facts = LineFacts()
        facts.path = [spec.name]
        var index = 1
        while !spec.subcommands.isEmpty, index < words.count, let sub = spec.subcommand(words[index]) {
            spec = sub
            facts.path.append(sub.name)
            index += 1
        }
        if !spec.subcommands.isEmpty, index == words.count, spec.handler == nil || !partial.raw.hasPrefix("-") {
            return .subcommand(path: facts.path, alsoParameters: spec.handler != nil)
        }
        var positionals = spec.parameters.filter { $0.form == .positional }[...]
        var pending: ParameterSpec?
        var rest: ParameterSpec?
        for word in words[index...] {
            if let parameter = pending {
                record(word, for: parameter, in: &facts)
                pending = nil
                continue
            }
            if word.hasPrefix("-"), word.count > 1, let parameter = spec.parameters.first(where: { CommandParser.matches($0.form, CommandParser.splitOption(word).0) }) {
                facts.used.insert(parameter.name)
                rest = nil
                let inline = CommandParser.splitOption(word).1
                if let inline { record(inline, for: parameter, in: &facts) } else if !parameter.isFlag { pending = parameter }
                continue
            }
            if let parameter = spec.parameters.first(where: { $0.form == .keyword(word) }), !facts.used.contains(parameter.name) {
                facts.used.insert(parameter.name)
                pending = parameter
                rest = nil
                continue
            }
            if let parameter = rest {
                facts.named.append(word)
                record(word, for: parameter, in: &facts)
                continue
            }
            guard let parameter = positionals.popFirst() else { return .none }
            facts.used.insert(parameter.name)
            record(word, for: parameter, in: &facts)
            if parameter.takesRest {
                rest = parameter
                facts.named = [word]
            }
        }
        if let pending { return .value(pending.kind, facts) }
        let positional = rest ?? positionals.first
        return .parameters(path: facts.path, positional: positional?.kind, facts)
    }

    private func record(_ word: String, for parameter: ParameterSpec, in facts: inout LineFacts) {
        switch parameter.kind {
        case .project where facts.project == nil: facts.project = word
        case .settingName: facts.setting = word
        default: break
        }
    }

    /// The spec at `path`.
    func spec(at path: [String]) -> CommandSpec? {
        guard let first = path.first, var spec = commands.first(where: { $0.name == first }) else { return nil }
        for word in path.dropFirst() {
            guard let sub = spec.subcommand(word) else { return nil }
            spec = sub
        }
        return spec
    }
}
