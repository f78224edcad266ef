/// The shell's own errors, as data; `ErrorRenderer` words them (and says the remedy for the surface the user is on).
public enum ShellError: Error, Sendable, Equatable {
    /// A step that needs a plan ran before `find`.
    case noPlan(command: String)
    /// A step that needs a preview ran before `whatif`... or other order problems: `needs` is the command to run.
    case planStepMissing(command: String, needs: String)
    /// The plan's inputs changed after `find` (`reason` says which).
    case stalePlan(reason: String)
    /// No application is set.
    case noApplication
    /// No destination: neither `to ENV` nor `set to`.
    case noDestination(command: String)
    /// A confirmation was needed where nobody can answer it (batch).
    case confirmationNeeded(action: String)
    /// The user answered no.
    case declined(action: String)
    /// A typed environment name did not match.
    case protectedNameMismatch(environment: String)
    /// `set`/`show`/`unset` of a name that is no variable.
    case unknownSetting(String, suggestions: [String])
    /// A value a variable does not take.
    case invalidSetting(name: String, value: String, valid: String)
    /// No connection (after `disconnect`).
    case notConnected
    /// A command that needs the embedded sandbox.
    case notSandbox(command: String)
    /// No seeded sandbox user of that name.
    case unknownSandboxUser(String, available: [String])
    /// No saved profile or application of that name.
    case unknownSaved(kind: String, name: String, available: [String])
    /// A file could not be read or written.
    case file(path: String, detail: String)
    /// `source` nested too deeply (a file that sources itself).
    case sourceTooDeep(path: String)
    /// An API key was given with no server to use it for.
    case apiKeyWithoutServer
    /// The API key is needed and cannot be asked for.
    case apiKeyNeeded(server: String)
    /// `approve` with a parent and no parent release to take approvals from.
    case parentReleaseNeeded(parent: String)
    /// The parent project has no "Deploy Child Octopus Deploy Project" steps.
    case parentHasNoChildren(project: String)
    /// A saved plan belongs to another server or space.
    case planForOtherServer(planServer: String, current: String)
    /// A loaded plan's decisions differ from what the server says now.
    case planChanged(differences: [String])
    /// A value is out of its range.
    case outOfRange(what: String, value: String, bound: String)
    /// A name given twice in the application.
    case duplicateProject(String)
    /// `refresh` could not read the catalogue.
    case catalogueRefreshFailed(server: String)
    /// `respond` to an intervention that is no longer pending.
    case interventionNotPending(id: String)
    /// `respond` to an interruption without a Proceed/Abort form (guided failure); `choices` are its buttons.
    case interventionCannotBeAnswered(id: String, title: String, choices: [String])
    /// `respond` by a user who may not take responsibility; `teams` are the responsible teams.
    case interventionNotYours(id: String, teams: [String])
    /// A task or intervention id the server does not have (404); `listedBy` is the command that lists them.
    case noSuchItem(kind: String, id: String, listedBy: String)
}
