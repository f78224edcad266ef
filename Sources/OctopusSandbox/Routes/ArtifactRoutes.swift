import Foundation
import GRDB
import Hummingbird
import OctopusModel

/// Artifacts: create (metadata), upload and download content, list `regarding` a task, deployment
/// or release (newest first), get.
enum ArtifactRoutes {
    static func register(on router: Router<SandboxRequestContext>, services: SandboxServices) {
        router.get("/api/{spaceId}/artifacts") { request, context in
            let space = try await services.authorize(context, .artifactView)
            let parameters = QueryParameters(request)
            var query = ResourceListing.standardQuery(parameters, space: space, order: .newestFirst, byName: false)
            if let regarding = parameters.list("regarding") {
                let placeholders = Array(repeating: "?", count: regarding.count).joined(separator: ",")
                query.add(.sql(
                    """
                    serverTaskId IN (\(placeholders)) OR serverTaskId IN (SELECT taskId FROM deployments
                    WHERE id IN (\(placeholders)) OR releaseId IN (\(placeholders)) OR projectId IN (\(placeholders)))
                    """, Array(repeating: regarding.map(\.databaseValue), count: 4).flatMap { $0 }))
            }
            return try await ResourceListing.page(
                Artifact.self, itemType: "Artifact", request: request, store: services.store, query: query,
                template: "/api/\(space)/artifacts{?skip,take,regarding,ids,partialName,order}", linking: { $0 })
        }
        router.get("/api/{spaceId}/artifacts/{id}") { _, context in
            let space = try await services.authorize(context, .artifactView)
            return try JSONResponse.ok(
                try await ResourceListing.one(Artifact.self, kind: "Artifact", id: try context.parameter("id"), space: space, store: services.store))
        }
        router.post("/api/{spaceId}/artifacts") { request, context in
            let space = try await services.authorize(context, .artifactCreate)
            let user = try context.authenticatedUser()
            let body = try await JSONRequestBody.decode(Artifact.self, from: request)
            guard !body.filename.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw SandboxError.validation(["Please provide a Filename for the artifact."])
            }
            let now = services.clock.now
            let artifact = try await services.store.write { db -> Artifact in
                if let task = body.serverTaskId, try db.document(ServerTask.self, id: task.rawValue)?.spaceId != space {
                    throw SandboxError.validation(["The server task '\(task)' was not found in \(space)."])
                }
                let id = try db.nextID(OctopusIDKinds.Artifact.self)
                let base = "/api/\(space)/artifacts/\(id)"
                let artifact = Artifact(
                    id: id, spaceId: space, filename: body.filename, source: body.source, serverTaskId: body.serverTaskId,
                    created: now, logCorrelationId: body.logCorrelationId, lastModifiedOn: now, lastModifiedBy: user.username,
                    links: ["Self": base, "Content": "\(base)/content"])
                try db.insert(artifact)
                return artifact
            }
            return try JSONResponse.created(artifact)
        }
        router.put("/api/{spaceId}/artifacts/{id}/content") { request, context in
            let space = try await services.authorize(context, .artifactCreate)
            let artifact = try await ResourceListing.one(
                Artifact.self, kind: "Artifact", id: try context.parameter("id"), space: space, store: services.store)
            let buffer = try await JSONRequestBody.collect(request)
            let content = MultipartContent.fileData(
                Data(buffer.readableBytesView), contentType: request.headers[.contentType])
            try await services.store.write { db in
                try db.execute(
                    sql: "INSERT INTO artifactContents (artifactId, content) VALUES (?, ?) ON CONFLICT(artifactId) DO UPDATE SET content = excluded.content",
                    arguments: [artifact.id.rawValue, content])
            }
            return Response(status: .ok)
        }
        router.get("/api/{spaceId}/artifacts/{id}/content") { _, context in
            let space = try await services.authorize(context, .artifactView)
            let artifact = try await ResourceListing.one(
                Artifact.self, kind: "Artifact", id: try context.parameter("id"), space: space, store: services.store)
            let content = try await services.store.read { db in
                try Data.fetchOne(db, sql: "SELECT content FROM artifactContents WHERE artifactId = ?", arguments: [artifact.id.rawValue])
            }
            guard let content, !content.isEmpty else { return Response(status: .noContent) }
            var headers = HTTPFields()
            headers[.contentType] = "application/octet-stream"
            headers[.contentDisposition] = ContentDisposition.attachment(filename: artifact.filename)
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: content)))
        }
    }
}

/// Reads an upload that is either raw bytes or `multipart/form-data` (the part named `fileData`,
/// else the first part), as Octopus's clients send artifact content both ways.
enum MultipartContent {
    static func fileData(_ body: Data, contentType: String?) -> Data {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data"),
            let boundaryRange = contentType.range(of: "boundary=")
        else { return body }
        var boundary = String(contentType[boundaryRange.upperBound...])
        if let semicolon = boundary.firstIndex(of: ";") { boundary = String(boundary[..<semicolon]) }
        boundary = boundary.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        let delimiter = Data("--\(boundary)".utf8)
        let headerEnd = Data("\r\n\r\n".utf8)
        var parts: [(headers: String, content: Data)] = []
        var searchStart = body.startIndex
        while let start = body.range(of: delimiter, in: searchStart..<body.endIndex) {
            guard let headersEnd = body.range(of: headerEnd, in: start.upperBound..<body.endIndex),
                let next = body.range(of: delimiter, in: headersEnd.upperBound..<body.endIndex)
            else { break }
            let headers = String(decoding: body[start.upperBound..<headersEnd.lowerBound], as: UTF8.self)
            var contentEnd = next.lowerBound
            if contentEnd - headersEnd.upperBound >= 2, body[contentEnd - 2] == 0x0D, body[contentEnd - 1] == 0x0A {
                contentEnd -= 2
            }
            parts.append((headers, Data(body[headersEnd.upperBound..<contentEnd])))
            searchStart = next.lowerBound
        }
        return parts.first { $0.headers.contains("name=\"fileData\"") }?.content ?? parts.first?.content ?? body
    }
}

/// `Content-Disposition: attachment` for any file name (RFC 6266): an ASCII fallback in a quoted string with `"` and
/// `\\` escaped and control characters dropped, plus the exact name as RFC 5987 `filename*=UTF-8''…`.
enum ContentDisposition {
    static func attachment(filename: String) -> String {
        let fallback = String(String.UnicodeScalarView(filename.unicodeScalars.compactMap { scalar -> Unicode.Scalar? in
            if scalar.value < 0x20 || scalar.value == 0x7F { return nil }
            return scalar.isASCII ? scalar : "_"
        }))
        let quoted = fallback.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~")
        let encoded = filename.addingPercentEncoding(withAllowedCharacters: allowed) ?? quoted
        return "attachment; filename=\"\(quoted)\"; filename*=UTF-8''\(encoded)"
    }
}
