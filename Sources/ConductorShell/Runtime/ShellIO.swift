/// What a command may use to talk to the user: the output, and a way to ask a question (nil in batch mode, where
/// nothing may ever wait for input).
public struct ShellIO: Sendable {
    /// Data and messages.
    public var output: any TextOutput
    /// Asks a question and returns the answer line; nil when nobody can answer (batch) or input ended.
    public var ask: (@Sendable (String) async -> String?)?
    /// Reads a secret without echo (the API key of `connect`); nil in batch.
    public var askSecret: (@Sendable (String) async -> String?)?

    public init(output: any TextOutput, ask: (@Sendable (String) async -> String?)? = nil, askSecret: (@Sendable (String) async -> String?)? = nil) {
        self.output = output
        self.ask = ask
        self.askSecret = askSecret
    }

    /// The styling for this output.
    public var style: Style { Style(enabled: output.usesColor) }
}
