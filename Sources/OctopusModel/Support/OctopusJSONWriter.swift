import Foundation

/// Octopus's JSON written straight into bytes while a value's `encode(to:)` runs (what ``OctopusJSON/encode(_:)``
/// uses). Foundation's `JSONEncoder` first builds a tree of every value, with a dictionary per object, then writes it:
/// on the sandbox's large answers (the dashboard's 186 KB) that tree was most of the time of a request (issue 10).
///
/// The output is what ``OctopusJSON/makeEncoder()`` writes (same values, strings, numbers, Octopus dates and
/// unescaped `/`), except that an object's keys come in the order `encode(to:)` gives them. It handles the shapes
/// models use: one container per value, each field written once. A value that does anything else — a second container,
/// a nested container or super-encoder, or a type `JSONEncoder` writes in its own way (`Data`, `URL`, `Decimal`) — makes
/// ``encode(_:)`` return nil, and the caller uses `JSONEncoder` instead.
enum OctopusJSONWriter {
    /// The JSON of `value`, or nil when the value needs `JSONEncoder` (see the type's documentation).
    /// - Throws: `EncodingError.invalidValue` for a non-finite number, as `JSONEncoder` does; errors `encode(to:)` throws.
    static func encode(_ value: some Encodable) throws -> Data? {
        let stream = JSONByteStream()
        try stream.write(value)
        return stream.unsupported ? nil : Data(stream.bytes)
    }
}

/// The encoder: one object for the whole value, with a stack of what each level being written has opened.
private final class JSONByteStream: Encoder {
    enum Level {
        case empty
        case object(hasMembers: Bool)
        case array(hasElements: Bool)
        case single(written: Bool)
    }

    var bytes: [UInt8] = []
    var levels: [Level] = []
    /// Set when the value does something this writer does not follow; the output is then thrown away.
    var unsupported = false

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init() {
        bytes.reserveCapacity(4096)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        open(.object(hasMembers: false), byte: UInt8(ascii: "{"))
        return KeyedEncodingContainer(KeyedWriter<Key>(stream: self, depth: levels.count))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        open(.array(hasElements: false), byte: UInt8(ascii: "["))
        return UnkeyedWriter(stream: self, depth: levels.count)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        open(.single(written: false), byte: nil)
        return SingleValueWriter(stream: self, depth: levels.count)
    }

    private func open(_ level: Level, byte: UInt8?) {
        guard let top = levels.last, case .empty = top else {
            unsupported = true
            return
        }
        levels[levels.count - 1] = level
        if let byte { bytes.append(byte) }
    }

    /// Whether a container made at `depth` may write now (it is the innermost open one).
    func mayWrite(at depth: Int) -> Bool {
        guard !unsupported, depth == levels.count else {
            unsupported = true
            return false
        }
        return true
    }

    /// Writes `value` at the current position.
    func write<T: Encodable>(_ value: T) throws {
        if T.self == String.self, let text = value as? String { return string(text) }
        if T.self == Date.self, let date = value as? Date { return string(OctopusDateFormat.string(from: date)) }
        if T.self == Data.self || T.self == URL.self || T.self == Decimal.self {
            unsupported = true  // JSONEncoder writes these in its own way
            return
        }
        levels.append(.empty)
        try value.encode(to: self)
        switch levels.removeLast() {
        case .empty:
            // As JSONEncoder: a value that writes nothing is {}, except at the top, where JSONEncoder throws.
            if levels.isEmpty { unsupported = true }
            bytes.append(contentsOf: [UInt8(ascii: "{"), UInt8(ascii: "}")])
        case .object: bytes.append(UInt8(ascii: "}"))
        case .array: bytes.append(UInt8(ascii: "]"))
        case .single(let written): if !written { unsupported = true }
        }
    }

    /// Before a member or element of the container at `depth`: the separator, and the key.
    func separate(at depth: Int, key: String?) {
        switch levels[depth - 1] {
        case .object(let hasMembers):
            if hasMembers { bytes.append(UInt8(ascii: ",")) }
            levels[depth - 1] = .object(hasMembers: true)
        case .array(let hasElements):
            if hasElements { bytes.append(UInt8(ascii: ",")) }
            levels[depth - 1] = .array(hasElements: true)
        case .single(let written):
            if written { unsupported = true }
            levels[depth - 1] = .single(written: true)
        case .empty:
            unsupported = true
        }
        if let key {
            string(key)
            bytes.append(UInt8(ascii: ":"))
        }
    }

    func literal(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    func number(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// A number as `JSONEncoder` writes it: its description without a trailing `.0`.
    func double<F: FloatingPoint & CustomStringConvertible>(_ value: F) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "Unable to encode \(value) directly in JSON."))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        number(text)
    }

    /// A JSON string: `"` and `\` escaped, control characters as `\n`-style or `\u00XX` escapes, `/` as it is.
    func string(_ text: String) {
        let utf8 = text.utf8
        // Nearly every string needs no escape: then one append (each access to `bytes` is checked at run time).
        guard utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 }) else {
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                          hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

/// Writes the members of one object.
private struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let stream: JSONByteStream
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    private func start(_ key: Key) -> Bool {
        guard stream.mayWrite(at: depth) else { return false }
        stream.separate(at: depth, key: key.stringValue)
        return true
    }

    mutating func encodeNil(forKey key: Key) throws { if start(key) { stream.literal("null") } }
    mutating func encode(_ value: Bool, forKey key: Key) throws { if start(key) { stream.literal(value ? "true" : "false") } }
    mutating func encode(_ value: String, forKey key: Key) throws { if start(key) { stream.string(value) } }
    mutating func encode(_ value: Double, forKey key: Key) throws { if start(key) { try stream.double(value) } }
    mutating func encode(_ value: Float, forKey key: Key) throws { if start(key) { try stream.double(value) } }
    mutating func encode(_ value: Int, forKey key: Key) throws { if start(key) { stream.number(String(value)) } }
    mutating func encode(_ value: Int8, forKey key: Key) throws { if start(key) { stream.number(String(value)) } }
    mutating func encode(_ value: Int16, forKey key: Key) throws { if start(key) { stream.number(String(value)) } }
    mutating func encode(_ value: Int32, forKey key: Key) throws { if start(key) { stream.number(String(value)) } }
    mutating func encode(_ value: Int64, forKey key: Key) throws { if start(key) { stream.number(String(value)) } }
    mutating func encode(_ value: UInt, forKey key: Key) throws { if start(key) { stream.number(String(value)) } }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { if start(key) { stream.number(String(value)) } }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { if start(key) { stream.number(String(value)) } }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { if start(key) { stream.number(String(value)) } }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { if start(key) { stream.number(String(value)) } }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { if start(key) { try stream.write(value) } }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        stream.unsupported = true
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(stream: stream, depth: -1))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        stream.unsupported = true
        return UnkeyedWriter(stream: stream, depth: -1)
    }

    mutating func superEncoder() -> any Encoder {
        stream.unsupported = true
        return stream
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        stream.unsupported = true
        return stream
    }
}

/// A container that writes values one after another (an array's elements, or a single value): the scalar
/// overloads, shared.
private protocol PositionalWriter {
    var stream: JSONByteStream { get }
    /// Whether the next value may be written; writes its separator.
    mutating func start() -> Bool
}

extension PositionalWriter {
    mutating func encodeNil() throws { if start() { stream.literal("null") } }
    mutating func encode(_ value: Bool) throws { if start() { stream.literal(value ? "true" : "false") } }
    mutating func encode(_ value: String) throws { if start() { stream.string(value) } }
    mutating func encode(_ value: Double) throws { if start() { try stream.double(value) } }
    mutating func encode(_ value: Float) throws { if start() { try stream.double(value) } }
    mutating func encode(_ value: Int) throws { if start() { stream.number(String(value)) } }
    mutating func encode(_ value: Int8) throws { if start() { stream.number(String(value)) } }
    mutating func encode(_ value: Int16) throws { if start() { stream.number(String(value)) } }
    mutating func encode(_ value: Int32) throws { if start() { stream.number(String(value)) } }
    mutating func encode(_ value: Int64) throws { if start() { stream.number(String(value)) } }
    mutating func encode(_ value: UInt) throws { if start() { stream.number(String(value)) } }
    mutating func encode(_ value: UInt8) throws { if start() { stream.number(String(value)) } }
    mutating func encode(_ value: UInt16) throws { if start() { stream.number(String(value)) } }
    mutating func encode(_ value: UInt32) throws { if start() { stream.number(String(value)) } }
    mutating func encode(_ value: UInt64) throws { if start() { stream.number(String(value)) } }
    mutating func encode<T: Encodable>(_ value: T) throws { if start() { try stream.write(value) } }
}

/// Writes the elements of one array.
private struct UnkeyedWriter: UnkeyedEncodingContainer, PositionalWriter {
    let stream: JSONByteStream
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    private(set) var count = 0

    init(stream: JSONByteStream, depth: Int) {
        self.stream = stream
        self.depth = depth
    }

    mutating func start() -> Bool {
        guard stream.mayWrite(at: depth) else { return false }
        stream.separate(at: depth, key: nil)
        count += 1
        return true
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        stream.unsupported = true
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(stream: stream, depth: -1))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        stream.unsupported = true
        return UnkeyedWriter(stream: stream, depth: -1)
    }

    mutating func superEncoder() -> any Encoder {
        stream.unsupported = true
        return stream
    }
}

/// Writes one value.
private struct SingleValueWriter: SingleValueEncodingContainer, PositionalWriter {
    let stream: JSONByteStream
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    mutating func start() -> Bool {
        guard stream.mayWrite(at: depth) else { return false }
        stream.separate(at: depth, key: nil)
        return true
    }
}
