import Foundation

// Octopus writes unset values as `null` rather than leaving the key out ("Description": null,
// "LastModifiedOn": null), and clients that compare field sets expect every key. Synthesized
// `Encodable` conformances call `encodeIfPresent` for optionals, which omits nil; these overloads,
// visible only inside OctopusModel, are more specific than the standard ones, so every model type
// here writes `null` instead. Decoding is unchanged (a missing key and `null` both decode as nil).
extension KeyedEncodingContainer {
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try encode(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try encode(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try encode(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try encode(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try encode(value, forKey: key) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try encode(value, forKey: key) }
}
