import ConductorShell
import Testing

/// How a diagnostic reads on each surface: errors say `Error:`, a declined confirmation (the user's choice) does not.
struct DiagnosticTests {
    @Test func aDeclinedConfirmationIsSaidPlainly() {
        let diagnostic = ErrorRenderer.render(ShellError.declined(action: "Deploy to Staging"), on: .interactive)
        #expect(diagnostic.lines(on: .interactive) == ["Deploy to Staging: cancelled (not confirmed); nothing was changed."])
        #expect(diagnostic.status == .failure)
    }

    @Test func anErrorSaysErrorAndAScriptLineSaysWhere() {
        let diagnostic = ErrorRenderer.render(ShellError.noApplication, on: .interactive)
        #expect(diagnostic.lines(on: .interactive).first == "Error: No application is set.")
        #expect(diagnostic.lines(on: .script(file: "promote.cond", line: 3)).first == "promote.cond:3: No application is set.")
    }
}
