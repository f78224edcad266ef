import Foundation
import OctopusModel

/// `POST /api/{space}/deployments`, which must never create a deployment twice.
///
/// Creating is not idempotent, so it is never retried blindly. After an *ambiguous* failure — the
/// connection dropped or timed out, or the server answered 500/502/503/504, so the deployment may
/// or may not exist — the client looks for the deployment its attempt may have created before
/// trying again: each attempt carries a request marker in `Comments`
/// (`[conductor request 3F2A9C1B]`), and the release's deployments (newest first) are searched
/// for one with the same environment, tenant and marker. Found: it is returned as if the POST had
/// succeeded. Not found: the request is sent once more (after the policy's first back-off, or the
/// server's `Retry-After`); a second ambiguous failure is searched for the same way and otherwise
/// reported. A 429 means the server did not process the request, so it is retried once without
/// the search. Marker matching needs no clock agreement between client and server.
extension OctopusClient {
    /// The body Octopus's `CreateDeploymentCommand` needs: the create fields only, no read-only ones.
    struct DeploymentCreation: Encodable, Sendable {
        var releaseId: ReleaseID
        var environmentId: EnvironmentID
        var tenantId: TenantID?
        var queueTime: Date?
        var queueTimeExpiry: Date?
        var specificMachineIds: [MachineID]
        var excludedMachineIds: [MachineID]
        var skipActions: [String]
        var formValues: [String: String]
        var forcePackageRedeployment: Bool
        var forcePackageDownload: Bool
        var useGuidedFailure: Bool
        var comments: String?

        enum CodingKeys: String, PascalCaseCodingKey {
            case releaseId, environmentId, tenantId, queueTime, queueTimeExpiry, specificMachineIds, excludedMachineIds
            case skipActions, formValues, forcePackageRedeployment, forcePackageDownload, useGuidedFailure, comments
        }

        init(_ deployment: Deployment, marker: String) {
            releaseId = deployment.releaseId
            environmentId = deployment.environmentId
            tenantId = deployment.tenantId
            queueTime = deployment.queueTime
            queueTimeExpiry = deployment.queueTimeExpiry
            specificMachineIds = deployment.specificMachineIds
            excludedMachineIds = deployment.excludedMachineIds
            skipActions = deployment.skipActions
            formValues = deployment.formValues
            forcePackageRedeployment = deployment.forcePackageRedeployment
            forcePackageDownload = deployment.forcePackageDownload
            useGuidedFailure = deployment.useGuidedFailure
            let existing = deployment.comments?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            comments = existing.isEmpty ? marker : existing + "\n" + marker
        }
    }

    /// Creates a deployment: `POST /api/{space}/deployments`.
    ///
    /// Fill `releaseId`, `environmentId` and any of `tenantId`, `queueTime`, `queueTimeExpiry`,
    /// `specificMachineIds`, `excludedMachineIds`, `skipActions`, `formValues`,
    /// `forcePackageRedeployment`, `useGuidedFailure`, `comments`; other fields are ignored.
    /// 1 request normally; after an ambiguous failure 1 search (a page of the release's
    /// deployments) and at most 1 more POST — never a duplicate deployment.
    /// - Returns: the created deployment (with its `taskId`).
    public func createDeployment(_ deployment: Deployment) async throws -> Deployment {
        let marker = "[conductor request \(UUID().uuidString.prefix(8))]"
        let body = DeploymentCreation(deployment, marker: marker)
        let path = spacePath("deployments")
        do {
            return try await send(.post, path, body: body, idempotent: false)
        } catch let error as OctopusClientError {
            switch Self.creationOutcome(of: error) {
            case .failed:
                throw error
            case .notProcessed(let retryAfter):
                try await connection.retryPolicy.sleep(connection.retryPolicy.delay(beforeRetry: 1, retryAfter: retryAfter))
            case .ambiguous:
                if let created = try await findCreatedDeployment(body, marker: marker) { return created }
                try await connection.retryPolicy.sleep(connection.retryPolicy.delay(beforeRetry: 1))
            }
        }
        do {
            return try await send(.post, path, body: body, idempotent: false)
        } catch let error as OctopusClientError {
            if case .ambiguous = Self.creationOutcome(of: error), let created = try await findCreatedDeployment(body, marker: marker) {
                return created
            }
            throw error
        }
    }

    /// What a failed create may have left behind.
    enum CreationOutcome: Equatable {
        /// Definitely not created, and not worth repeating (4xx: validation, permission).
        case failed
        /// Not processed; repeating is safe.
        case notProcessed(retryAfter: Duration?)
        /// May have been created.
        case ambiguous
    }

    static func creationOutcome(of error: OctopusClientError) -> CreationOutcome {
        switch error {
        case .transport: return .ambiguous
        case .http(let failure) where failure.status == 429: return .notProcessed(retryAfter: failure.retryAfter)
        case .http(let failure) where failure.status >= 500: return .ambiguous
        default: return .failed
        }
    }

    /// The deployment an earlier attempt with `marker` created, if any: the release's deployments,
    /// newest first, read until found (a release has few deployments: one page in practice).
    func findCreatedDeployment(_ body: DeploymentCreation, marker: String) async throws -> Deployment? {
        try await releaseDeployments(body.releaseId).pageSize(30).first {
            $0.environmentId == body.environmentId && $0.tenantId == body.tenantId
                && ($0.comments?.contains(marker) ?? false)
        }
    }
}
