import Foundation

/// The confirmations of shell.md §5 and shell-conventions.md §10: show what will happen, ask `[y/N]`; for a
/// protected destination the environment's name must be typed; `--yes` or `set confirm off` skips; in batch
/// without them it is an error naming the flag — never a wait for input.
public enum Confirmation {
    /// Confirms `action` (already described to the user on stderr).
    /// - Parameters:
    ///   - action: what will happen, as the question names it.
    ///   - invocation: the command's invocation (`--yes` skips the question).
    ///   - session: the session (its `assumeYes` and `confirm` setting skip the question).
    ///   - io: where the question is asked; without `ask` (batch) confirming is an error.
    ///   - protectedEnvironment: when set, the user must type this name instead of `y`.
    /// - Throws: `ShellError.confirmationNeeded` in batch, `.declined` / `.protectedNameMismatch` on a no.
    public static func confirm(_ action: String, invocation: Invocation, session: Session, io: ShellIO, protectedEnvironment: String? = nil) async throws {
        if invocation.has("yes") || session.context.assumeYes || !session.settings.isOn("confirm", default: true) { return }
        guard let ask = io.ask else { throw ShellError.confirmationNeeded(action: action) }
        if let environment = protectedEnvironment {
            let answer = await ask("\(environment) is protected. Type its name to go on: ")
            guard answer?.trimmingCharacters(in: .whitespaces) == environment else {
                throw ShellError.protectedNameMismatch(environment: environment)
            }
            return
        }
        let answer = await ask("\(action)? [y/N] ")
        guard let answer, ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw ShellError.declined(action: action)
        }
    }
}
