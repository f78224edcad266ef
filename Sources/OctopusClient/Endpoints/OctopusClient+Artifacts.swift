import Foundation
import OctopusModel

/// Artifacts (the release notes file attached to a task).
extension OctopusClient {
    /// The body of `POST /api/{space}/artifacts`.
    struct ArtifactCreation: Codable, Sendable {
        var filename: String
        var serverTaskId: ServerTaskID?
        var spaceId: SpaceID
        var logCorrelationId: String?

        enum CodingKeys: String, PascalCaseCodingKey {
            case filename, serverTaskId, spaceId, logCorrelationId
        }
    }

    /// Creates an artifact and uploads its content: `POST /api/{space}/artifacts` then
    /// `PUT /api/{space}/artifacts/{id}/content` (raw bytes). Neither is retried blindly: the
    /// create is not idempotent; the upload is (PUT) and is. 2 requests.
    public func createArtifact(filename: String, content: Data, serverTask: ServerTaskID?, logCorrelationId: String? = nil) async throws -> Artifact {
        let artifact: Artifact = try await send(.post, spacePath("artifacts"), body: ArtifactCreation(
            filename: filename, serverTaskId: serverTask, spaceId: spaceID, logCorrelationId: logCorrelationId
        ))
        _ = try await perform(.put, spacePath("artifacts", artifact.id.rawValue, "content"), body: content,
                              contentType: "application/octet-stream", idempotent: true)
        return artifact
    }

    /// `GET /api/{space}/artifacts/{id}/content` — an artifact's bytes. 1 request.
    public func artifactContent(_ id: ArtifactID) async throws -> Data {
        try await perform(.get, spacePath("artifacts", id.rawValue, "content"), body: nil, idempotent: true).body
    }

    /// `GET /api/{space}/artifacts?regarding=…` — artifacts of a task, deployment or release, newest first.
    public func artifacts(regarding documentID: String) -> Paged<Artifact> {
        Paged(client: self, path: spacePath("artifacts", query: [.init("regarding", documentID)]))
    }
}
