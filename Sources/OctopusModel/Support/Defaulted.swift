import Foundation

// Octopus bodies are lenient: older servers and minimal request bodies leave fields out, and some
// write `null` where a list or flag is empty. A `@Defaulted` property decodes a missing key and
// `null` alike as its type's default (`""`, `false`, `0`, `[]`, `[:]`, or the type's own), and a
// `@DefaultedTo<D>` property as `D.value` where the wire default is another value (a flag that
// defaults to `true`). So the synthesized `Decodable` conformances say per field what a hand-written
// `init(from:)` used to say line by line. Encoding is unchanged: the value is written as itself.
// Optional properties need no wrapper: synthesized decoding already reads a missing key as nil.

/// A type whose value a missing or `null` key decodes as, in a `@Defaulted` property.
public protocol DefaultDecodable: Decodable {
    /// The value a missing key or `null` decodes as.
    static var decodingDefault: Self { get }
}

/// Names the value a missing or `null` key decodes as, in a `@DefaultedTo<Self>` property.
public protocol DecodingDefault {
    /// The property's type.
    associatedtype Value: Decodable
    /// The value a missing key or `null` decodes as.
    static var value: Value { get }
}

/// A property that decodes a missing key or `null` as `Default.value`; any other value as itself.
@propertyWrapper
public struct DefaultedTo<Default: DecodingDefault> {
    /// The property's value.
    public var wrappedValue: Default.Value

    /// Wraps a value (what the type's initialisers assign).
    public init(wrappedValue: Default.Value) {
        self.wrappedValue = wrappedValue
    }
}

/// The default of a ``DefaultDecodable`` type, for ``Defaulted``.
public enum TypeDefault<Value: DefaultDecodable>: DecodingDefault {
    /// `Value.decodingDefault`.
    public static var value: Value { Value.decodingDefault }
}

/// A property that decodes a missing key or `null` as its type's ``DefaultDecodable/decodingDefault``.
public typealias Defaulted<Value: DefaultDecodable> = DefaultedTo<TypeDefault<Value>>

/// The wire default of flags that are on unless a body says otherwise.
public enum DefaultsToTrue: DecodingDefault {
    /// `true`.
    public static var value: Bool { true }
}

extension KeyedDecodingContainer {
    // More specific than the generic `decode(_:forKey:)`, so the synthesized conformances of this
    // package call it for wrapped properties; that is what lets the key be missing. `package`, not
    // public: it extends a standard library type.
    package func decode<Default>(_ type: DefaultedTo<Default>.Type, forKey key: Key) throws -> DefaultedTo<Default> {
        DefaultedTo(wrappedValue: try decodeIfPresent(Default.Value.self, forKey: key) ?? Default.value)
    }
}

extension DefaultedTo: Decodable {
    /// Decodes the value itself (the keyed overload above is what handles a missing key).
    public init(from decoder: any Decoder) throws {
        wrappedValue = try decoder.singleValueContainer().decode(Default.Value.self)
    }
}

extension DefaultedTo: Encodable where Default.Value: Encodable {
    /// Encodes the value itself.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }
}

extension DefaultedTo: Sendable where Default.Value: Sendable {}
extension DefaultedTo: Equatable where Default.Value: Equatable {}

extension String: DefaultDecodable {
    /// `""`.
    public static var decodingDefault: String { "" }
}

extension Bool: DefaultDecodable {
    /// `false`.
    public static var decodingDefault: Bool { false }
}

extension Int: DefaultDecodable {
    /// `0`.
    public static var decodingDefault: Int { 0 }
}

extension Int64: DefaultDecodable {
    /// `0`.
    public static var decodingDefault: Int64 { 0 }
}

extension Array: DefaultDecodable where Element: Decodable {
    /// `[]`.
    public static var decodingDefault: [Element] { [] }
}

extension Dictionary: DefaultDecodable where Key: Decodable, Value: Decodable {
    /// `[:]`.
    public static var decodingDefault: [Key: Value] { [:] }
}

extension OctopusID: DefaultDecodable {
    /// The empty id `""` (a body that names no resource).
    public static var decodingDefault: OctopusID { "" }
}
