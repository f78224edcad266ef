import Foundation
import Hummingbird
import OctopusModel

/// Reads request bodies the way Octopus binds them: JSON, property names case-insensitive
/// (`projectName` and `ProjectName` both work), unknown properties ignored.
package enum JSONRequestBody {
    /// Largest body the sandbox accepts (artifacts included).
    package static let maximumSize = 16 * 1024 * 1024

    /// Object keys whose values are free-form dictionaries: their own keys are data (element names,
    /// property names, link names) and are left exactly as sent.
    static let freeFormKeys: Set<String> = [
        "FormValues", "Properties", "Values", "Variables", "CustomFields", "Links", "Arguments", "Claims",
        "DisplaySettings", "Scope", "Details",
    ]

    /// How long a client may take to send a body (a trickled or stalled upload is answered with 408, not kept open).
    package static let readTimeout: Duration = .seconds(30)

    /// The whole body: at most `maximumSize` bytes (413 beyond), within `readTimeout` (408 after).
    package static func collect(_ request: Request) async throws -> ByteBuffer {
        try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
            group.addTask { try await request.body.collect(upTo: maximumSize) }
            group.addTask {
                try await Task.sleep(for: readTimeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let buffer = first else {
                throw SandboxError.requestTimeout(seconds: Int(readTimeout.components.seconds))
            }
            return buffer
        }
    }

    /// Collects and decodes the body as `T`. An empty body is a 400 naming `T`'s expected shape.
    package static func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        let buffer = try await collect(request)
        let data = Data(buffer.readableBytesView)
        return try decode(type, from: data)
    }

    /// Decodes JSON data as `T` with PascalCase-normalised keys.
    package static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        guard !data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
            throw SandboxError.badRequest(message: "The request body is empty; send a JSON document.")
        }
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw SandboxError.badRequest(
                message: "The request body is not valid JSON.",
                errors: ["Check the body for syntax errors (quotes, commas, brackets)."])
        }
        let normalised = try JSONSerialization.data(withJSONObject: pascalCased(json), options: [.fragmentsAllowed])
        do {
            return try OctopusJSON.makeDecoder().decode(T.self, from: normalised)
        } catch let error as DecodingError {
            throw SandboxError.badRequest(
                message: "The request body could not be read as a \(String(describing: T.self)).",
                errors: [describe(error)])
        }
    }

    /// Upper-cases the first letter of every object key, except inside free-form dictionaries.
    static func pascalCased(_ value: Any) -> Any {
        if let object = value as? [String: Any] {
            var result: [String: Any] = [:]
            for (key, element) in object {
                let name = key.prefix(1).uppercased() + key.dropFirst()
                result[name] = freeFormKeys.contains(name) ? element : pascalCased(element)
            }
            return result
        }
        if let array = value as? [Any] {
            return array.map(pascalCased)
        }
        return value
    }

    /// A one-line description of a decoding failure naming the JSON path.
    static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            let names = codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return names.isEmpty ? "the body" : "'" + names.joined(separator: ".") + "'"
        }
        switch error {
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)) should be \(typeName(type))."
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)) must not be null; send \(typeName(type))."
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])) is required."
        case .dataCorrupted(let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "The body does not match the expected shape."
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "an integer"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "an array"
        default: "a value of type \(type)"
        }
    }
}
