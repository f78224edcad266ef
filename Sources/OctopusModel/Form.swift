import Foundation

/// A form: prompted variables of a preview, or the inputs of an interruption.
public struct Form: Codable, Sendable, Equatable {
    /// Current value per element name (`null` when unset).
    public var values: [String: String?]
    public var elements: [FormElement]

    /// Creates a value; every field has the default an unset Octopus field has.
    public init(
        values: [String: String?] = [:],
        elements: [FormElement] = []
    ) {
        self.values = values
        self.elements = elements
    }

    enum CodingKeys: String, CodingKey {
        case values = "Values"
        case elements = "Elements"
    }

    /// Decodes leniently: a missing field takes its default, so minimal request bodies and older servers decode.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        values = try c.decodeIfPresent([String: String?].self, forKey: .values) ?? [:]
        elements = try c.decodeIfPresent([FormElement].self, forKey: .elements) ?? []
    }
}

/// One element of a form; `name` is the key to use in `FormValues` or a submission.
public struct FormElement: Codable, Sendable, Equatable {
    public var name: String
    public var control: FormControl
    public var isValueRequired: Bool

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

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case control = "Control"
        case isValueRequired = "IsValueRequired"
    }

    /// Decodes leniently: a missing field takes its default, so minimal request bodies and older servers decode.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
        control = try c.decodeIfPresent(FormControl.self, forKey: .control) ?? FormControl()
        isValueRequired = try c.decodeIfPresent(Bool.self, forKey: .isValueRequired) ?? false
    }
}

/// The control of a form element; `type` says which of the optional fields apply (`Paragraph`: text; `TextArea`: label; `SubmitButtonGroup`: buttons; `VariableValue`: name, label, description, required, isSecure, displaySettings).
public struct FormControl: Codable, Sendable, Equatable {
    /// `Paragraph`, `TextArea`, `SubmitButtonGroup`, `VariableValue`, `Checkbox`, `Button`.
    public var type: String
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

    enum CodingKeys: String, CodingKey {
        case type = "Type"
        case text = "Text"
        case resolveLinks = "ResolveLinks"
        case label = "Label"
        case buttons = "Buttons"
        case name = "Name"
        case description = "Description"
        case required = "Required"
        case isSecure = "IsSecure"
        case displaySettings = "DisplaySettings"
    }

    /// Decodes leniently: a missing field takes its default, so minimal request bodies and older servers decode.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        type = try c.decodeIfPresent(String.self, forKey: .type) ?? "TextArea"
        text = try c.decodeIfPresent(String.self, forKey: .text)
        resolveLinks = try c.decodeIfPresent(Bool.self, forKey: .resolveLinks)
        label = try c.decodeIfPresent(String.self, forKey: .label)
        buttons = try c.decodeIfPresent([FormButton].self, forKey: .buttons)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        required = try c.decodeIfPresent(Bool.self, forKey: .required)
        isSecure = try c.decodeIfPresent(Bool.self, forKey: .isSecure)
        displaySettings = try c.decodeIfPresent([String: String].self, forKey: .displaySettings)
    }
}

/// A button of a `SubmitButtonGroup`; submitting sends `value` as the element value.
public struct FormButton: Codable, Sendable, Equatable {
    public var text: String
    public var value: String
    public var requiresConfirmation: Bool

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

    enum CodingKeys: String, CodingKey {
        case text = "Text"
        case value = "Value"
        case requiresConfirmation = "RequiresConfirmation"
    }

    /// Decodes leniently: a missing field takes its default, so minimal request bodies and older servers decode.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        text = try c.decodeIfPresent(String.self, forKey: .text) ?? ""
        value = try c.decodeIfPresent(String.self, forKey: .value) ?? ""
        requiresConfirmation = try c.decodeIfPresent(Bool.self, forKey: .requiresConfirmation) ?? false
    }
}
