import Foundation
import GRDB
import OctopusModel

/// What the calling user may do with interruptions: their teams and whether they may submit.
struct InterruptionCaller: Sendable {
    var user: User
    var teams: Set<TeamID>
    var maySubmit: Bool
    var identityEstablishedWith: String?

    /// Member of a responsible team (or the interruption names none) and allowed to submit.
    func canTakeResponsibility(for interruption: Interruption) -> Bool {
        maySubmit && interruption.isPending
            && (interruption.responsibleTeamIds.isEmpty || !teams.isDisjoint(with: interruption.responsibleTeamIds))
    }

    /// The interruption with `CanTakeResponsibility`/`HasResponsibility` computed for this caller.
    func view(_ interruption: Interruption) -> Interruption {
        var view = interruption
        view.canTakeResponsibility = canTakeResponsibility(for: interruption)
        view.hasResponsibility = interruption.responsibleUserId == user.id
        return view
    }
}

extension Database {
    /// The caller's teams and submit permission in `space`.
    func interruptionCaller(_ user: User, in space: SpaceID, identity: String?) throws -> InterruptionCaller {
        let teams = try documents(Team.self).filter { $0.memberUserIds.contains(user.id) }.map(\.id)
        let permissions = try permissions(of: user.id, in: space)
        return InterruptionCaller(
            user: user, teams: Set(teams), maySubmit: permissions.contains(.interruptionSubmit), identityEstablishedWith: identity)
    }

    /// `PUT /interruptions/{id}/responsible`: the caller takes responsibility.
    func takeResponsibility(_ id: InterruptionID, caller: InterruptionCaller, now: Date) throws -> Interruption {
        guard var interruption = try document(Interruption.self, id: id.rawValue) else {
            throw SandboxError.resourceNotFound(kind: "Interruption", id: id.rawValue)
        }
        guard interruption.isPending else {
            throw SandboxError.badRequest(message: "This interruption has already been submitted, possibly by another user.")
        }
        guard caller.canTakeResponsibility(for: interruption) else {
            throw Self.notResponsible(caller, interruption)
        }
        interruption.responsibleUserId = caller.user.id
        interruption.lastModifiedOn = now
        interruption.lastModifiedBy = caller.user.username
        try save(interruption)
        return interruption
    }

    /// `POST /interruptions/{id}/submit`: answers the form, continues (or fails) the task, and
    /// records the "Submitted interruption" event.
    func submitInterruption(
        _ id: InterruptionID, values: [String: String?], caller: InterruptionCaller, now: Date
    ) throws -> Interruption {
        _ = try advanceTasks(to: now)
        guard var interruption = try document(Interruption.self, id: id.rawValue) else {
            throw SandboxError.resourceNotFound(kind: "Interruption", id: id.rawValue)
        }
        guard interruption.isPending else {
            throw SandboxError.badRequest(message: "The interruption has already been submitted.")
        }
        guard let responsible = interruption.responsibleUserId else {
            throw SandboxError.badRequest(message: "You must take responsibility for this interruption before attempting to submit it.")
        }
        guard responsible == caller.user.id else {
            throw SandboxError.badRequest(
                message: "Someone else has taken responsibility for this interruption, and only they are allowed to submit it.")
        }
        guard caller.canTakeResponsibility(for: interruption) else { throw Self.notResponsible(caller, interruption) }
        let kind = InterruptionKind(rawValue: interruption.type) ?? .manualIntervention
        let resolution: InterruptionResolution
        switch InterruptionForm.resolution(of: values, kind: kind) {
        case .success(let value): resolution = value
        case .failure(let error): throw error
        }
        guard let taskID = interruption.taskId, var stored = try taskRun(taskID) else {
            throw SandboxError.badRequest(message: "The task of interruption '\(id)' is no longer running.")
        }
        let effects: [TaskRunEffect]
        do {
            effects = try stored.run.resolve(resolution, by: caller.user.username, at: now)
        } catch {
            throw SandboxError.badRequest(message: "The task of interruption '\(id)' is not waiting for it any more.")
        }
        for (name, value) in values where interruption.form.values.keys.contains(name) {
            interruption.form.values[name] = value
        }
        interruption.isPending = false
        interruption.lastModifiedOn = now
        interruption.lastModifiedBy = caller.user.username
        try save(interruption)
        try apply(effects, of: stored)
        try saveTaskRun(stored)
        let context = try deploymentContext(stored.deploymentId)
        let answer = (values["Result"] ?? nil) ?? (values["Guidance"] ?? nil) ?? ""
        let notes = (values["Notes"] ?? nil).flatMap { $0.isEmpty ? nil : $0 }
        try recordEvent(
            category: EventCategoryName.interruptionSubmitted,
            message: "Submitted interruption \"\(interruption.title)\" on \(context.taskDescription) with \(answer)\(notes.map { ": \($0)" } ?? "")",
            references: context.references, related: interruption.relatedDocumentIds + [interruption.id.rawValue],
            actor: EventActor(caller.user, identityEstablishedWith: caller.identityEstablishedWith), occurred: now,
            spaceId: interruption.spaceId, comments: notes)
        _ = try advanceTasks(to: now)
        return interruption
    }

    private static func notResponsible(_ caller: InterruptionCaller, _ interruption: Interruption) -> SandboxError {
        guard caller.maySubmit else {
            return .forbidden(
                permission: SandboxPermission.interruptionSubmit.rawValue,
                detail: "\(caller.user.displayName) (\(caller.user.id)) lacks InterruptionSubmit; add the user to a team that grants it.")
        }
        let teams = interruption.responsibleTeamIds.map(\.rawValue).joined(separator: ", ")
        return .forbidden(
            permission: SandboxPermission.interruptionSubmit.rawValue,
            detail: "\(caller.user.displayName) (\(caller.user.id)) is not a member of the teams responsible for interruption \(interruption.id) (\(teams)); a member of one of them must take responsibility.")
    }
}
