// lineedit-probe: a tiny shell on LineEditor for the pseudo-terminal tests (and for trying the
// editor by hand). It completes a fixed vocabulary, prints each line's words as `-> [w] [w]`,
// keeps history in the file given with `--history FILE` (lines with a leading space or the word
// "password" are never stored) and says `bye` at the end of input.
//
//   lineedit-probe [--history FILE [--history-limit N] [--save-every N]] [--color-prompt]
import LineEditor

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let commands = ["deploy", "find", "quit", "show", "status", "use", "wait", "whatif"]
let projects = ["Café Backend", "Database", "O'Brien's Tools", "Web API", "Web UI"]

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { index in index + 1 < arguments.count ? arguments[index + 1] : nil }
}
let historyFile = option("--history")
let prompt = arguments.contains("--color-prompt")
    ? Prompt("\u{1B}[1;32mprobe>\u{1B}[0m ", continuation: "...> ")
    : Prompt("probe> ", continuation: "...> ")

let completion: CompletionSource = { lineBeforeCursor in
    CompletionProposal(lineBeforeCursor: lineBeforeCursor) { words in
        switch words {
        case []: commands
        case ["use"]: ["environment", "project"]
        case ["use", "project"]: projects
        default: []
        }
    }
}
let history = HistoryPolicy(
    file: historyFile,
    limit: option("--history-limit").flatMap { Int($0) } ?? 100,
    saveInterval: option("--save-every").flatMap { Int($0) } ?? 10
) { line in
    HistoryPolicy.skipsLeadingSpace(line) && !line.lowercased().contains("password")
}

let editor: any LineEditing
do {
    editor = try StandardInput.lineEditor(
        configuration: LineEditorConfiguration(programName: "conductor", history: history, completion: completion)
    )
} catch {
    print("error: \(error)")
    exit(1)
}

reading: while true {
    switch editor.readLine(prompt) {
    case let .line(line):
        do {
            let words = try Tokenizer.words(in: line)
            if words == ["quit"] { break reading }
            print("-> " + words.map { "[\($0)]" }.joined(separator: " "))
        } catch {
            print("error: \(error)")
        }
    case .interrupted:
        continue
    case .endOfInput:
        break reading
    }
}
do {
    try editor.saveHistory()
} catch {
    print("error: \(error)")
}
print("bye")
