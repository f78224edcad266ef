import Foundation
import GRDB
import OctopusModel

/// Event categories the sandbox records.
///
/// All but ``interruptionSubmitted`` are Octopus's own names. Octopus's category for a submitted
/// interruption is not visible in package sources (octopus-api.md §2.12); the sandbox uses
/// `InterruptionSubmitted`, and its message starts with "Submitted interruption" as the real one does.
enum EventCategoryName {
    static let deploymentQueued = "DeploymentQueued"
    static let deploymentStarted = "DeploymentStarted"
    static let deploymentSucceeded = "DeploymentSucceeded"
    static let deploymentFailed = "DeploymentFailed"
    static let deploymentCanceled = "DeploymentCanceled"
    static let manualInterventionRaised = "ManualInterventionInterruptionRaised"
    static let guidedFailureRaised = "GuidedFailureInterruptionRaised"
    static let interruptionSubmitted = "InterruptionSubmitted"
    static let taskCanceled = "TaskCanceled"

    /// Every category with a display name (`GET /events/categories`).
    static let all: [(id: String, name: String)] = [
        (deploymentQueued, "Deployment queued"), (deploymentStarted, "Deployment started"),
        (deploymentSucceeded, "Deployment succeeded"), (deploymentFailed, "Deployment failed"),
        (deploymentCanceled, "Deployment canceled"),
        (manualInterventionRaised, "Manual intervention interruption raised"),
        (guidedFailureRaised, "Guided failure interruption raised"),
        (interruptionSubmitted, "Interruption submitted"), (taskCanceled, "Task canceled"),
    ]
}

/// Who an event is attributed to.
struct EventActor: Sendable {
    var userId: UserID?
    var username: String
    var isService: Bool
    var identityEstablishedWith: String?

    init(userId: UserID?, username: String, isService: Bool = false, identityEstablishedWith: String? = "ApiKey") {
        self.userId = userId
        self.username = username
        self.isService = isService
        self.identityEstablishedWith = identityEstablishedWith
    }

    init(_ user: User, identityEstablishedWith: String? = "ApiKey") {
        self.init(
            userId: user.id, username: user.username, isService: user.isService,
            identityEstablishedWith: identityEstablishedWith)
    }
}

extension Database {
    /// Records an audit event; `references` names documents mentioned in the message (first
    /// occurrence of each text becomes a `MessageReferences` entry).
    @discardableResult
    func recordEvent(
        category: String, message: String, references: [(text: String, id: String)] = [], related: [String],
        actor: EventActor, occurred: Date, spaceId: SpaceID?, comments: String? = nil, details: String? = nil
    ) throws -> Event {
        let id = try nextID(OctopusIDKinds.Event.self)
        var messageReferences: [EventReference] = []
        for reference in references where !reference.text.isEmpty {
            if let range = message.range(of: reference.text) {
                messageReferences.append(
                    EventReference(
                        referencedDocumentId: reference.id,
                        startIndex: message.distance(from: message.startIndex, to: range.lowerBound),
                        length: reference.text.count))
            }
        }
        let prefix = spaceId.map { "/api/\($0.rawValue)" } ?? "/api"
        let event = Event(
            id: id, spaceId: spaceId, category: category, message: message, messageHtml: message,
            messageReferences: messageReferences, relatedDocumentIds: related, userId: actor.userId,
            username: actor.username, isService: actor.isService, identityEstablishedWith: actor.identityEstablishedWith,
            userAgent: "Conductor sandbox", occurred: occurred, comments: comments, details: details,
            links: ["Self": "\(prefix)/events/\(id.rawValue)"])
        try insert(event)
        return event
    }

    /// Records an event about a deployment, attributed to whoever deployed it.
    @discardableResult
    func recordDeploymentEvent(
        _ category: String, _ message: String, context: DeploymentContext, at time: Date, actor: EventActor? = nil
    ) throws -> Event {
        let deployer = actor
            ?? EventActor(userId: context.deployment.deployedById, username: context.deployment.deployedBy ?? "system")
        return try recordEvent(
            category: category, message: message, references: context.references,
            related: context.relatedDocumentIds, actor: deployer, occurred: time, spaceId: context.deployment.spaceId)
    }
}
