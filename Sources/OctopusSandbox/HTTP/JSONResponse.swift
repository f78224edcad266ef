import Foundation
import HTTPTypes
import Hummingbird
import OctopusModel

/// Builds JSON responses with Octopus's encoding (PascalCase keys, Octopus dates, unescaped `/`).
package enum JSONResponse {
    /// A JSON response with the given status (200 by default).
    package static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        encoded(try OctopusJSON.encode(value), status: status)
    }

    /// A response with JSON already encoded (a kept answer, `AnswerCache`).
    package static func encoded(_ data: Data, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.contentLength] = String(data.count)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// 200 with the value.
    package static func ok(_ value: some Encodable) throws -> Response { try make(value) }

    /// 201 Created with the value (creates return the full resource with `Links.Self`).
    package static func created(_ value: some Encodable) throws -> Response { try make(value, status: .created) }
}
