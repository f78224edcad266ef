import OctopusModel

/// The prompted variables of a release's variable snapshot as a form: one `VariableValue` element per
/// prompted variable in scope for the environment, named by the variable id (the key `FormValues` use).
enum PromptedVariables {
    static func form(_ variables: VariableSet?, environment: EnvironmentID) -> Form {
        let prompted = (variables?.variables ?? []).filter { variable in
            guard variable.prompt != nil else { return false }
            let scope = variable.scope["Environment"] ?? []
            return scope.isEmpty || scope.contains(environment.rawValue)
        }
        var values: [String: String?] = [:]
        var elements: [FormElement] = []
        for variable in prompted {
            guard let prompt = variable.prompt else { continue }
            values[variable.id] = variable.isSensitive ? nil : variable.value
            elements.append(
                FormElement(
                    name: variable.id,
                    control: FormControl(
                        type: "VariableValue", label: prompt.label ?? variable.name, name: variable.name,
                        description: prompt.description ?? variable.description ?? "", required: prompt.required,
                        isSecure: variable.isSensitive,
                        displaySettings: prompt.displaySettings.isEmpty
                            ? ["Octopus.ControlType": variable.isSensitive ? "Sensitive" : "SingleLineText"]
                            : prompt.displaySettings),
                    isValueRequired: prompt.required))
        }
        return Form(values: values, elements: elements)
    }

    /// Messages for required prompted variables that have neither a default nor a submitted value.
    static func missingValues(in form: Form, submitted: [String: String]) -> [String] {
        form.elements.compactMap { element in
            guard element.isValueRequired else { return nil }
            let submittedValue = submitted[element.name] ?? submitted[element.control.name ?? ""]
            let value = submittedValue ?? (form.values[element.name] ?? nil)
            guard value?.isEmpty ?? true else { return nil }
            let name = element.control.name ?? element.name
            return "Please provide a value for the required prompted variable '\(name)': add it to FormValues under the key '\(element.name)'."
        }
    }
}
