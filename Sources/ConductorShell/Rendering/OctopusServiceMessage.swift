import Foundation

/// An Octopus service message: a line a script step writes to standard output that the Octopus
/// server (Calamari) interprets, e.g. to set an output variable. Every attribute value is the
/// base64 of its UTF-8 text, as Octopus requires.
public enum OctopusServiceMessage: Sendable, Hashable {
    /// `##octopus[setVariable name='…' value='…']` — an output variable of the running step.
    case setVariable(name: String, value: String)
    /// `##octopus[createArtifact path='…' name='…' length='…']` — collect a file as an artifact.
    case createArtifact(path: String, name: String, length: Int)

    /// The line to print.
    public var line: String {
        switch self {
        case .setVariable(let name, let value):
            return "##octopus[setVariable name='\(Self.encode(name))' value='\(Self.encode(value))']"
        case .createArtifact(let path, let name, let length):
            return "##octopus[createArtifact path='\(Self.encode(path))' name='\(Self.encode(name))' length='\(Self.encode(String(length)))']"
        }
    }

    static func encode(_ text: String) -> String {
        Data(text.utf8).base64EncodedString()
    }
}
