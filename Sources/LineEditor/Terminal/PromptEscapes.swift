/// Prepares prompt text for libedit's `EL_PROMPT_ESC`: runs of ANSI escape sequences are bracketed
/// with `\u{1}` so libedit does not count them as visible columns (otherwise the cursor drifts).
enum PromptEscapes {
    static let marker: Unicode.Scalar = "\u{1}"

    static func bracketed(_ prompt: String) -> String {
        var result = String.UnicodeScalarView()
        var scalars = Array(prompt.unicodeScalars.filter { $0 != marker })[...]
        while let scalar = scalars.first {
            guard scalar == "\u{1B}" else {
                result.append(scalar)
                scalars.removeFirst()
                continue
            }
            result.append(marker)
            while scalars.first == "\u{1B}" {
                result.append(contentsOf: escapeSequence(at: &scalars))
            }
            result.append(marker)
        }
        return String(result)
    }

    /// Takes one escape sequence: ESC [ parameters final-byte (CSI), or ESC and one character.
    private static func escapeSequence(at scalars: inout ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
        var sequence = [scalars.removeFirst()]
        guard let next = scalars.first else { return sequence }
        sequence.append(scalars.removeFirst())
        guard next == "[" else { return sequence }
        while let scalar = scalars.first {
            sequence.append(scalars.removeFirst())
            if (0x40...0x7E).contains(scalar.value) { break }
        }
        return sequence
    }
}
