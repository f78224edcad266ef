import Foundation
import OctopusClient
import OctopusModel

extension PromotionEngine {
    /// `whatif`: everything a deployment would do, without deploying (§5.17–§5.27): machines, steps, prompted
    /// variables, manual interventions and their teams, release notes, stale snapshots, the notes artifact. Sets the
    /// outputs as the template's What If does.
    ///
    /// Requests per child that would deploy: 1 (deployment preview) + 1 (the release's process snapshot, which serves
    /// both the package ids of the notes and the expected manual interventions); the release and its deployment
    /// template only when `find` did not read them (a plan saved before find kept them; Redeploy). Skipped children cost
    /// nothing. Plus 1 for the whole plan to name the interventions' responsible teams, plus the approvals the options
    /// ask for (see `approve`; none without a parent or `approveAsMe`). Read who signs off each intervention from
    /// `interventionCoverage`.
    /// - Throws: `OrchestrationError.missingPromptedVariable` for a required prompted variable without a value;
    ///   `OrchestrationError.notFound` (with the closest names) for a wrong parent project, release, approval
    ///   environment or approval tenant.
    public func whatIf(_ plan: PromotionPlan) async throws -> PromotionPlan {
        var plan = plan
        let options = plan.options
        let destination = plan.destination
        let machineIds = try await specificMachineIds(options)
        plan.children = try await plan.children.concurrentMap(limit: concurrency) { child in
            try await self.previewIfDeploying(child, destination: destination, options: options, machineIds: machineIds)
        }
        try await finishPreview(&plan)
        return plan
    }

    /// `find` then `whatif` as one pipeline (what `promote` runs): each child is previewed as soon as its own release
    /// is found, not after every child's. Same requests and the same errors as the two steps one after the other.
    func findAndPreview(_ options: PromotionOptions) async throws -> PromotionPlan {
        try options.validate()
        let startedAt = clock.now()
        let lookups = try await RunLookups.load(options, client: client)
        let machines = Task { try await self.specificMachineIds(options) }
        let destination = NamedReference(id: lookups.destination.id, name: lookups.destination.name)
        let children = try await Self.entries(options).pipelined(limit: concurrency) { stage, name in
            let found = try await self.findChild(stage: stage, name: name, options: options, lookups: lookups)
            guard found.willDeploy else { return found }
            let machineIds = try await childStep(3) { try await machines.value }
            return try await childStep(4) {
                try await self.previewIfDeploying(found, destination: destination, options: options, machineIds: machineIds)
            }
        }
        _ = try await machines.value  // a bad machine name fails the what-if even when no child deploys
        var plan = makePlan(options, lookups: lookups, children: children, startedAt: startedAt)
        try await finishPreview(&plan)
        return plan
    }

    /// The preview of a child that would deploy; other children unchanged.
    private func previewIfDeploying(
        _ child: ChildPlan, destination: NamedReference<EnvironmentID>, options: PromotionOptions, machineIds: [MachineID]
    ) async throws -> ChildPlan {
        guard child.willDeploy, let release = child.release else { return child }
        return try await preview(child, release: release, destination: destination, options: options, machineIds: machineIds)
    }

    /// What every what-if ends with: the responsible teams' names (1 request for the plan) and the step.
    private func finishPreview(_ plan: inout PromotionPlan) async throws {
        try await nameResponsibleTeams(&plan)
        // Approvals are resolved here as in a real run, so a wrong parent fails the what-if and the plan says who
        // signs off each intervention before anything deploys. Approvals already given (`approve`) are kept.
        if plan.approvals == nil { plan.approvals = try await resolveApprovals(plan) }
        plan.step = max(plan.step, .previewed)
    }

    /// Names the teams of every expected intervention with one request for the whole plan (none without teams).
    private func nameResponsibleTeams(_ plan: inout PromotionPlan) async throws {
        let ids = Array(Set(plan.children.flatMap { $0.preview?.interventions.flatMap(\.responsibleTeamIds) ?? [] }))
        guard !ids.isEmpty else { return }
        let names = Dictionary(try await client.teams(ids: ids).all().map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        for index in plan.children.indices {
            guard var preview = plan.children[index].preview else { continue }
            for i in preview.interventions.indices {
                preview.interventions[i].responsibleTeams = preview.interventions[i].responsibleTeamIds.map { names[$0] ?? $0.rawValue }
            }
            plan.children[index].preview = preview
        }
    }

    /// The specific machines as ids (resolving names costs one request).
    func specificMachineIds(_ options: PromotionOptions) async throws -> [MachineID] {
        let requested = options.specificMachines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && $0.uppercased() != "N/A" }
        guard !requested.isEmpty else { return [] }
        let needsNames = requested.contains { !$0.lowercased().hasPrefix("machines-") }
        let machines = needsNames ? try await client.allMachines() : []
        return try requested.map { entry in
            if entry.lowercased().hasPrefix("machines-") { return MachineID(entry) }
            guard let machine = machines.first(where: { $0.name.caseInsensitiveCompare(entry) == .orderedSame }) else {
                throw OrchestrationError.notFound(kind: "deployment target", name: entry, suggestions: NameSuggestions.closest(to: entry, among: machines.map(\.name)))
            }
            return machine.id
        }
    }

    private func preview(
        _ child: ChildPlan, release reference: ReleaseReference, destination: NamedReference<EnvironmentID>,
        options: PromotionOptions, machineIds: [MachineID]
    ) async throws -> ChildPlan {
        var child = child
        var log = ChildLog()
        let tenantId = child.tenant?.id
        let knownStale = child.snapshotIsStale
        let knownFacts = child.releaseFacts
        async let previewRequest = client.deploymentPreview(release: reference.id, environment: destination.id, tenant: tenantId)
        async let staleRequest = snapshotIsStale(known: knownStale, release: reference.id)
        // The release as find read it; read again only for a plan that does not carry it.
        let release = if let knownFacts { knownFacts } else { ReleaseFacts(try await client.release(reference.id)) }
        async let processRequest = processSnapshot(release.processSnapshotId)
        let preview = try await previewRequest
        let process = try await processRequest
        let stale = try await staleRequest

        // §5.18: machines from the preview, not from roles.
        let previewMachines = preview.stepsToExecute.flatMap(\.machines)
        var specific: [MachineID] = []
        var mismatch = false
        if !machineIds.isEmpty {
            specific = MachineFilter.matching(requested: machineIds.map(\.rawValue), previewMachineIds: previewMachines.map(\.id.rawValue)).map { MachineID($0) }
            if specific.isEmpty {
                let wanted = machineIds.map(\.rawValue).joined(separator: " OR ")
                if options.ignoreMachineMismatch {
                    log.highlight("\(child.project.name) does not deploy to \(wanted); \"Ignore specific machine mismatch\" is Yes, so it is deployed to all its machines.")
                } else {
                    log.highlight("\(child.project.name) does not deploy to \(wanted); \"Ignore specific machine mismatch\" is No, so it is skipped.")
                    mismatch = true
                }
            } else {
                log.info("The machines applicable to \(child.project.name) are \(specific.map(\.rawValue).joined(separator: " ")).")
            }
        }

        // §5.19
        let elements = preview.form.elements.compactMap { element -> PromptedElement? in
            guard let name = element.control.name else { return nil }
            return PromptedElement(
                key: element.name, variableName: name, isRequired: element.control.required ?? element.isValueRequired,
                defaultValue: preview.form.values[element.name] ?? nil)
        }
        let formValues = try PromptedVariable.formValues(for: elements, from: options.promptedVariables, project: child.project.name)

        let notes = Self.releaseNotes(release: release, preview: preview, process: process)
        let interventions = (process?.steps ?? []).flatMap(\.actions).filter { action in
            action.isManualIntervention && !action.isDisabled && action.runs(in: destination.id)
                && (action.channels.isEmpty || child.channel.map { action.channels.contains($0.id) } ?? true)
        }.map { ExpectedIntervention(stepName: $0.name, responsibleTeamIds: $0.responsibleTeamIds) }
        if stale == true {
            log.highlight(options.refreshSnapshots
                ? "The variables of \(child.project.name) changed since \(reference.version) was created; the snapshot is refreshed before deploying."
                : "The variables of \(child.project.name) changed since \(reference.version) was created; the deployment uses the release's snapshot (set Refresh Variables Snapshots to refresh it).")
        }
        var artifact: NotesArtifact?
        if options.saveNotesAsArtifact {
            let stamp = Self.artifactStamp(clock.now(), timeZone: defaultTimeZone)
            artifact = NotesArtifact(
                name: ReleaseNotes.artifactName(project: child.project.name, version: reference.version, environment: destination.name, at: stamp),
                contents: notes.markdown)
        }

        child.preview = ChildPreview(
            specificMachineIds: specific, machineNames: Array(Set(previewMachines.map(\.name))).sorted(),
            steps: preview.stepsToExecute.filter { !$0.isDisabled }.map(\.actionName), formValues: formValues,
            useGuidedFailure: child.useGuidedFailure, notes: notes, interventions: interventions,
            snapshotIsStale: stale, snapshotRefreshed: false, artifact: artifact)
        if mismatch {
            child.action = .skip(.machineMismatch)
            child.outputs = .machineMismatch(reference.version)
        } else {
            child.outputs = .deploying(reference.version, notes: notes.markdown)
        }
        child.messages += log.messages
        return child
    }

    /// The release's deployment process snapshot (1 request), nil when it has none.
    private func processSnapshot(_ id: String?) async throws -> DeploymentProcess? {
        guard let id else { return nil }
        return try await client.deploymentProcess(DeploymentProcessID(id))
    }

    /// Whether the release's variable snapshot is stale: what find read from the deployment template, else the
    /// template (1 request).
    private func snapshotIsStale(known: Bool?, release: ReleaseID) async throws -> Bool {
        if let known { return known }
        let template = try await client.deploymentTemplate(release: release)
        return template.isVariableSetModified || template.isLibraryVariableSetModified
    }

    /// §5.24: build information from the preview's changes when the release has any, else the release's notes and
    /// its package versions (package ids from the process snapshot).
    static func releaseNotes(release: Release, preview: DeploymentPreview, process: DeploymentProcess?) -> ReleaseNotes {
        releaseNotes(release: ReleaseFacts(release), preview: preview, process: process)
    }

    /// §5.24 from the facts find kept.
    static func releaseNotes(release: ReleaseFacts, preview: DeploymentPreview, process: DeploymentProcess?) -> ReleaseNotes {
        if release.hasBuildInformation {
            let builds = preview.changes.flatMap(\.buildInformation)
            return .buildInformation(
                packages: builds.map { "\($0.packageId).\($0.version)" },
                workItems: preview.changes.flatMap(\.workItems).map { NoteLink(id: $0.id, url: $0.linkUrl ?? "", text: $0.description ?? "") },
                commits: preview.changes.flatMap(\.commits).map { NoteLink(id: $0.id, url: $0.linkUrl ?? "", text: $0.comment ?? "") })
        }
        let actions = (process?.steps ?? []).flatMap(\.actions)
        let packages = release.selectedPackages.compactMap { selected -> String? in
            guard let action = actions.first(where: { $0.name == selected.actionName }),
                  let package = action.packages.first(where: { $0.name == (selected.packageReferenceName ?? "") }) ?? action.packages.first
            else { return nil }
            return "\(package.packageId).\(selected.version)"
        }
        return .releaseNotes(text: release.releaseNotes, packages: packages)
    }

    /// `yyyy_MM_dd_HH_mm` in the given zone (§5.26).
    static func artifactStamp(_ date: Date, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d_%02d_%02d_%02d_%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }
}
