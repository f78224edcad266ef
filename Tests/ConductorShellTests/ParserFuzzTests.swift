import ConductorShell
import Testing

/// 100,000 random lines through the splitter, the tokenizer and the parser: every one parses or gives a
/// one-line error; nothing crashes.
@Suite struct ParserFuzzTests {
    @Test func hundredThousandRandomLinesParseOrFailInOneLine() {
        var generator = SeededGenerator(seed: 42)
        let parser = CommandParser(commands: CommandTable.all)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789-_.*?[]'\";#\\\t=,+:/é\u{1B}\u{7F}")
        let words = CommandTable.all.flatMap(\.words) + ["to", "from", "release", "in", "as", "me", "--yes", "--limit", "--timeout"]
        var errors = 0
        var badMessages: [String] = []
        for _ in 0..<100_000 {
            var line = ""
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                if Bool.random(using: &generator), let word = words.randomElement(using: &generator) {
                    line += word + " "
                } else if let character = alphabet.randomElement(using: &generator) {
                    line.append(character)
                }
            }
            for statement in StatementSplitter.statements(in: line) {
                do {
                    _ = try parser.parse(line: statement)
                } catch {
                    errors += 1
                    let lines = ErrorRenderer.render(error, on: .interactive).lines(on: .interactive)
                    if lines.count > 2 || lines[0].contains("\n") { badMessages.append(statement) }
                }
            }
        }
        #expect(badMessages.isEmpty, "\(badMessages.prefix(5))")
        #expect(errors > 10_000, "the generator produces mostly bad input (\(errors) errors)")
    }
}
