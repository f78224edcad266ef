import OctopusModel

/// The forms Octopus shows for the two kinds of interruption.
enum InterruptionForm {
    /// Manual intervention: the step's instructions, a notes box and Proceed/Abort.
    static func manualIntervention(instructions: String?) -> Form {
        Form(
            values: ["Instructions": nil, "Notes": nil, "Result": nil],
            elements: [
                FormElement(name: "Instructions", control: FormControl(type: "Paragraph", text: instructions ?? "", resolveLinks: true)),
                FormElement(name: "Notes", control: FormControl(type: "TextArea", label: "Notes")),
                FormElement(
                    name: "Result",
                    control: FormControl(
                        type: "SubmitButtonGroup",
                        buttons: [
                            FormButton(text: "Proceed", value: "Proceed", requiresConfirmation: false),
                            FormButton(text: "Abort", value: "Abort", requiresConfirmation: true),
                        ])),
            ])
    }

    /// Guided failure: a notes box and Fail/Retry/Ignore/Exclude machine.
    static func guidedFailure() -> Form {
        Form(
            values: ["Notes": nil, "Guidance": nil],
            elements: [
                FormElement(name: "Notes", control: FormControl(type: "TextArea", label: "Notes")),
                FormElement(
                    name: "Guidance",
                    control: FormControl(
                        type: "SubmitButtonGroup",
                        buttons: [
                            FormButton(text: "Fail", value: "Fail", requiresConfirmation: true),
                            FormButton(text: "Retry", value: "Retry", requiresConfirmation: false),
                            FormButton(text: "Ignore", value: "Ignore", requiresConfirmation: true),
                            FormButton(text: "Exclude machine from deployment", value: "Exclude", requiresConfirmation: true),
                        ])),
            ])
    }

    /// Reads a submission: which resolution the values ask for, or the validation messages.
    static func resolution(of values: [String: String?], kind: InterruptionKind) -> Result<InterruptionResolution, SandboxError> {
        let notes = values["Notes"] ?? nil
        switch kind {
        case .manualIntervention:
            switch (values["Result"] ?? nil)?.lowercased() {
            case "proceed": return .success(.proceed(notes: notes))
            case "abort": return .success(.abort(notes: notes))
            case let other:
                return .failure(.validation([
                    "There were errors with the form.",
                    "'Result' must be \"Proceed\" or \"Abort\"\(other.map { ", not \"\($0)\"" } ?? " (it is missing)").",
                ]))
            }
        case .guidedFailure:
            switch (values["Guidance"] ?? nil)?.lowercased() {
            case "fail": return .success(.fail(notes: notes))
            case "retry": return .success(.retry(notes: notes))
            case "ignore", "exclude": return .success(.ignore(notes: notes))
            case let other:
                return .failure(.validation([
                    "There were errors with the form.",
                    "'Guidance' must be \"Fail\", \"Retry\", \"Ignore\" or \"Exclude\"\(other.map { ", not \"\($0)\"" } ?? " (it is missing)").",
                ]))
            }
        }
    }
}
