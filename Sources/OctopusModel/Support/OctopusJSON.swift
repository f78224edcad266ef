import Foundation

/// The one JSON configuration for Octopus's wire format, shared by the client and the sandbox.
///
/// Keys: every model type's `CodingKeys` derive its PascalCase keys from the case names
/// (`PascalCaseCodingKey`); there is no key strategy, because a key strategy would also rewrite
/// free-form dictionary keys such as `Links` or `Properties`. Dates: ``OctopusDateFormat``.
public enum OctopusJSON {
    /// An encoder writing Octopus's date format, without escaping `/` (links are paths).
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(OctopusDateFormat.string(from: date))
        }
        return encoder
    }

    /// A decoder reading any ISO-8601 variant ``OctopusDateFormat`` accepts.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = OctopusDateFormat.date(from: text) else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "'\(text)' is not an ISO-8601 date such as 2024-08-02T05:07:42.445+00:00."
                )
            }
            return date
        }
        return decoder
    }

    /// Encodes a value as ``makeEncoder()`` would, written directly by ``OctopusJSONWriter`` (several times faster on
    /// large values); values the writer does not follow go through ``makeEncoder()``.
    public static func encode(_ value: some Encodable) throws -> Data {
        if let data = try OctopusJSONWriter.encode(value) { return data }
        return try makeEncoder().encode(value)
    }

    /// Decodes a value with ``makeDecoder()``.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try makeDecoder().decode(type, from: data)
    }
}
