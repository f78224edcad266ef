import Foundation

/// A form: prompted variables of a preview, or the inputs of an interruption.
@MemberwiseInit @PascalCaseCodingKeys public struct Form: Codable, Sendable, Equatable {
    /// Current value per element name (`null` when unset).
    @Defaulted public var values: [String: String?]
    @Defaulted public var elements: [FormElement]
}

/// One element of a form; `name` is the key to use in `FormValues` or a submission.
@MemberwiseInit @PascalCaseCodingKeys public struct FormElement: Codable, Sendable, Equatable {
    @Defaulted public var name: String
    @Defaulted public var control: FormControl
    @Defaulted public var isValueRequired: Bool
}

/// The control of a form element; `type` says which of the optional fields apply (`Paragraph`: text; `TextArea`: label; `SubmitButtonGroup`: buttons; `VariableValue`: name, label, description, required, isSecure, displaySettings).
@MemberwiseInit @PascalCaseCodingKeys public struct FormControl: Codable, Sendable, Equatable {
    /// `Paragraph`, `TextArea`, `SubmitButtonGroup`, `VariableValue`, `Checkbox`, `Button`.
    @DefaultedTo<DefaultType> public var type: String
    public var text: String?
    public var resolveLinks: Bool?
    public var label: String?
    public var buttons: [FormButton]?
    /// For `VariableValue`: the variable name.
    public var name: String?
    public var description: String?
    public var required: Bool?
    public var isSecure: Bool?
    public var displaySettings: [String: String]?
}

/// A button of a `SubmitButtonGroup`; submitting sends `value` as the element value.
@MemberwiseInit @PascalCaseCodingKeys public struct FormButton: Codable, Sendable, Equatable {
    @Defaulted public var text: String
    @Defaulted public var value: String
    @Defaulted public var requiresConfirmation: Bool
}

extension FormControl {
    /// The control a body without `Type` means.
    public enum DefaultType: DecodingDefault {
        /// `"TextArea"`.
        public static var value: String { "TextArea" }
    }
}

extension Form: DefaultDecodable {
    /// Every field at its default.
    public static var decodingDefault: Form { Form() }
}

extension FormControl: DefaultDecodable {
    /// Every field at its default.
    public static var decodingDefault: FormControl { FormControl() }
}
