import Foundation

// Octopus spells every key of its resources in PascalCase (`Id`, `LastModifiedOn`), and every
// model property is that key with its first letter lower-cased. A `CodingKeys` enum conforming to
// `PascalCaseCodingKey` lists only its case names (`case id, lastModifiedOn`) and derives the wire
// key from each, so the key is not spelt a second time per property. This is a property of the
// keys, not of an encoder's key strategy: free-form dictionaries (`Links`, `PropertyBag`,
// `FormValues`) keep their keys exactly, and any `JSONEncoder` or `JSONDecoder` writes and reads
// the same JSON.

/// A `CodingKeys` enum whose wire keys are its case names with the first letter upper-cased.
package protocol PascalCaseCodingKey: CodingKey, RawRepresentable<String> {}

extension PascalCaseCodingKey {
    /// The wire key: `lastModifiedOn` is written and read as `LastModifiedOn`.
    package var stringValue: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// The case whose wire key is `stringValue`, or nil when none is (`"id"` names no case; `"Id"` does).
    package init?(stringValue: String) {
        guard let first = stringValue.first,
              let key = Self(rawValue: first.lowercased() + stringValue.dropFirst()), key.stringValue == stringValue
        else { return nil }
        self = key
    }
}
