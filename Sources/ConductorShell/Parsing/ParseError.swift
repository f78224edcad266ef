/// Why a line could not be parsed: data only; `ErrorRenderer` words it.
public enum ParseError: Error, Sendable, Equatable {
    /// The first word is no command; `suggestions` are the closest command words.
    case unknownCommand(String, suggestions: [String])
    /// The command needs a subcommand word; `choices` are its subcommands.
    case missingSubcommand(command: String, choices: [String])
    /// A required parameter is missing (`usage` is the command's usage line).
    case missingArgument(command: String, parameter: String, usage: String)
    /// A keyword or option was given without its value.
    case missingValue(command: String, parameter: String, usage: String)
    /// A word the command does not take.
    case unexpectedArgument(command: String, word: String, usage: String)
    /// An option the command does not have; `suggestions` are close ones.
    case unknownOption(command: String, option: String, suggestions: [String])
    /// A value that is not of its kind (bad duration, time, count, choice).
    case invalidValue(command: String, parameter: String, value: String, reason: String)
    /// A parameter given twice.
    case repeated(command: String, parameter: String)
    /// The line has an open quote or ends in a backslash.
    case unterminatedQuote(Character)
    /// The line ends in a backslash.
    case danglingBackslash
}
