import Foundation

/// A form: prompted variables of a preview, or the inputs of an interruption.
public struct Form: Codable, Sendable, Equatable {
    /// Current value per element name (`null` when unset).
    @Defaulted public var values: [String: String?]
    @Defaulted public var elements: [FormElement]

    /// Creates a value; every field has the default an unset Octopus field has.
    public init(
        values: [String: String?] = [:],
        elements: [FormElement] = []
    ) {
        self.values = values
        self.elements = elements
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case values, elements
    }
}

/// One element of a form; `name` is the key to use in `FormValues` or a submission.
public struct FormElement: Codable, Sendable, Equatable {
    @Defaulted public var name: String
    @Defaulted public var control: FormControl
    @Defaulted public var isValueRequired: Bool

    /// Creates a value; every field has the default an unset Octopus field has.
    public init(
        name: String = "",
        control: FormControl = FormControl(),
        isValueRequired: Bool = false
    ) {
        self.name = name
        self.control = control
        self.isValueRequired = isValueRequired
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case name, control, isValueRequired
    }
}

/// The control of a form element; `type` says which of the optional fields apply (`Paragraph`: text; `TextArea`: label; `SubmitButtonGroup`: buttons; `VariableValue`: name, label, description, required, isSecure, displaySettings).
public struct FormControl: Codable, Sendable, Equatable {
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

    /// Creates a value; every field has the default an unset Octopus field has.
    public init(
        type: String = "TextArea",
        text: String? = nil,
        resolveLinks: Bool? = nil,
        label: String? = nil,
        buttons: [FormButton]? = nil,
        name: String? = nil,
        description: String? = nil,
        required: Bool? = nil,
        isSecure: Bool? = nil,
        displaySettings: [String: String]? = nil
    ) {
        self.type = type
        self.text = text
        self.resolveLinks = resolveLinks
        self.label = label
        self.buttons = buttons
        self.name = name
        self.description = description
        self.required = required
        self.isSecure = isSecure
        self.displaySettings = displaySettings
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case type, text, resolveLinks, label, buttons, name, description, required, isSecure, displaySettings
    }
}

/// A button of a `SubmitButtonGroup`; submitting sends `value` as the element value.
public struct FormButton: Codable, Sendable, Equatable {
    @Defaulted public var text: String
    @Defaulted public var value: String
    @Defaulted public var requiresConfirmation: Bool

    /// Creates a value; every field has the default an unset Octopus field has.
    public init(
        text: String = "",
        value: String = "",
        requiresConfirmation: Bool = false
    ) {
        self.text = text
        self.value = value
        self.requiresConfirmation = requiresConfirmation
    }

    enum CodingKeys: String, PascalCaseCodingKey {
        case text, value, requiresConfirmation
    }
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
