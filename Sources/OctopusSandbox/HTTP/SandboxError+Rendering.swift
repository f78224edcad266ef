import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import OctopusModel

extension SandboxError: HTTPResponseError {
    /// The HTTP status Octopus uses for this kind of failure.
    package var status: HTTPResponse.Status {
        switch self {
        case .routeNotFound, .resourceNotFound, .notFound: .notFound
        case .unauthorized: .unauthorized
        case .forbidden: .forbidden
        case .badRequest, .validation: .badRequest
        case .methodNotAllowed: .methodNotAllowed
        case .unsupportedMediaType: .unsupportedMediaType
        case .serviceUnavailable: .serviceUnavailable
        case .internalFailure: .internalServerError
        case .payloadTooLarge: .contentTooLarge
        case .requestTimeout: .requestTimeout
        case .crossSiteRequest: .forbidden
        }
    }

    /// Octopus's error body for this failure (messages verbatim from octopus-api.md §1.7 where known).
    package var body: OctopusErrorBody {
        switch self {
        case .routeNotFound(let path):
            return OctopusErrorBody(
                errorMessage: "The resource you requested was not found.",
                errors: path.isEmpty ? [] : [
                    "The sandbox does not implement '\(path)': it serves the part of Octopus's API that release orchestration and the clients it was tried with use. The root document at /api and the space root at /api/{spaceId} link every collection it serves."
                ])
        case .resourceNotFound(let kind, let id):
            return OctopusErrorBody(
                errorMessage: "The resource you requested was not found.",
                errors: ["The \(kind) '\(id)' was not found. List the collection to see which ids exist."])
        case .notFound(let message, let detail):
            return OctopusErrorBody(errorMessage: message, errors: [detail])
        case .unauthorized:
            return OctopusErrorBody(
                errorMessage: "You must be logged in to perform this action. Please provide a valid API key or log in again.")
        case .forbidden(let permission, let detail):
            let message = "You do not have permission to perform this action. Please contact your Octopus administrator. Missing permission: \(permission)"
            return OctopusErrorBody(errorMessage: message, errors: detail.map { [$0] } ?? [message])
        case .badRequest(let message, let errors):
            return OctopusErrorBody(errorMessage: message, errors: errors.isEmpty ? [message] : errors)
        case .validation(let errors):
            return OctopusErrorBody(errorMessage: "There was a problem with your request.", errors: errors)
        case .methodNotAllowed(let method, let path):
            return OctopusErrorBody(
                errorMessage: "The requested resource does not support http method '\(method)'.",
                errors: ["'\(path)' does not accept \(method)."])
        case .unsupportedMediaType(let message):
            return OctopusErrorBody(errorMessage: message, errors: [message])
        case .serviceUnavailable(let message):
            return OctopusErrorBody(errorMessage: message)
        case .requestTimeout(let seconds):
            return OctopusErrorBody(errorMessage: "The request body did not arrive within \(seconds) s.")
        case .payloadTooLarge(let maximum):
            return OctopusErrorBody(errorMessage: "The request body is larger than the \(maximum / 1024 / 1024) MiB the sandbox accepts.")
        case .crossSiteRequest(let origin):
            return OctopusErrorBody(
                errorMessage: "Cross-site requests are refused.",
                errors: ["The request came from another site ('\(origin.prefix(100))'); the sandbox only answers its own pages and non-browser clients."])
        case .internalFailure(let detail):
            return OctopusErrorBody(
                errorMessage: "An unexpected error occurred in the sandbox.", errors: [detail], fullException: detail)
        }
    }

    package func response(from request: Request, context: some RequestContext) throws -> Response {
        try JSONResponse.make(body, status: status)
    }
}

extension SandboxError: CustomStringConvertible {
    /// The message and its details on one line (for logs and the command line).
    package var description: String {
        let body = self.body
        return ([body.errorMessage] + body.errors.filter { $0 != body.errorMessage }).joined(separator: " ")
    }
}

extension SandboxError {
    /// Maps any error thrown while handling a request to the sandbox error it is answered with:
    /// Hummingbird's own errors (unmatched routes, oversized bodies) and decoding errors included, so
    /// a client never sees a non-Octopus body.
    package static func from(_ error: any Error, path: String) -> SandboxError {
        switch error {
        case let error as SandboxError:
            return error.namingUnservedRoute(path: path)
        case let error as OctopusErrorBody:
            return .badRequest(message: error.errorMessage, errors: error.errors)
        case let error as HTTPError where error.status == .notFound:
            return .routeNotFound(path: path)
        case let error as HTTPError where error.status == .contentTooLarge:
            return .payloadTooLarge(maximumBytes: JSONRequestBody.maximumSize)
        case is NIOTooManyBytesError:
            return .payloadTooLarge(maximumBytes: JSONRequestBody.maximumSize)
        // NIO's HTTP parser error (malformed chunked encoding, bad framing), matched by name so the sandbox needs no
        // direct NIOHTTP1 dependency: the client sent something that is not HTTP — a 400, not a 500.
        case let error where String(describing: type(of: error)) == "HTTPParserError":
            return .badRequest(message: "The request is not valid HTTP (malformed chunked encoding or framing).")
        case let error as HTTPError where error.status.code < 500:
            return .badRequest(message: error.body ?? "The request could not be understood.")
        case let error as DecodingError:
            return .badRequest(
                message: "The request body could not be read as JSON.", errors: [JSONRequestBody.describe(error)])
        default:
            return .internalFailure(detail: String(describing: error))
        }
    }
}

extension SandboxError {
    /// Kinds whose routes also accept a name or slug, where a plain word can be a real lookup.
    private static let kindsFoundByName: Set<String> = ["Project", "Feed"]

    /// A plain word where a route expects an id (`/api/serverstatus` read as the space
    /// `serverstatus`, `/api/tasks/frobnicate` as a task) names a route the sandbox does not serve,
    /// not a missing resource: Octopus's ids carry a number (`Spaces-1`, `ServerTasks-12`).
    func namingUnservedRoute(path: String) -> SandboxError {
        guard case .resourceNotFound(let kind, let id) = self, !Self.kindsFoundByName.contains(kind),
            !id.isEmpty, id.allSatisfy({ $0.isLetter || $0 == "-" }),
            path.split(separator: "/").contains(where: { $0 == id })
        else { return self }
        return .routeNotFound(path: path)
    }
}
