import Foundation
import GRDB
import OctopusModel

extension Database {
    /// A deployment as the dashboard and progression show it.
    func dashboardItem(_ deployment: Deployment, version: String? = nil, now: Date) throws -> DashboardItem {
        let task = try deployment.taskId.flatMap { try document(ServerTask.self, id: $0.rawValue) }?.refreshed(now: now)
        let releaseVersion = try version
            ?? String.fetchOne(self, sql: "SELECT version FROM releases WHERE id = ?", arguments: [deployment.releaseId.rawValue])
            ?? ""
        let space = deployment.spaceId?.rawValue ?? ""
        return DashboardItem(
            id: deployment.id, projectId: deployment.projectId, environmentId: deployment.environmentId,
            releaseId: deployment.releaseId, deploymentId: deployment.id, taskId: deployment.taskId ?? "",
            tenantId: deployment.tenantId, channelId: deployment.channelId, releaseVersion: releaseVersion,
            created: deployment.created, queueTime: task?.queueTime, startTime: task?.startTime, completedTime: task?.completedTime,
            state: task?.state ?? .queued, hasPendingInterruptions: task?.hasPendingInterruptions ?? false,
            hasWarningsOrErrors: task?.hasWarningsOrErrors ?? false, errorMessage: task?.errorMessage ?? "",
            duration: task?.duration, isCurrent: task?.state == .success, isPrevious: false,
            isCompleted: task?.isCompleted ?? false, pendingInterruptionTypes: task?.pendingInterruptionTypes ?? [],
            links: [
                "Self": "/api/\(space)/deployments/\(deployment.id)", "Release": "/api/\(space)/releases/\(deployment.releaseId)",
                "Task": "/api/tasks/\(deployment.taskId?.rawValue ?? "")",
            ])
    }

    /// `GET /releases/{id}/progression`: each lifecycle phase's progress and deployments.
    func lifecycleProgression(of release: Release) throws -> LifecycleProgression {
        let promotion = try promotion(of: release)
        let deployments = try documents(Deployment.self, DocumentQuery([.equals("releaseId", release.id.databaseValue)]))
        let phases = try promotion.phases.map { state in
            let inPhase = deployments.filter { state.environments.contains($0.environmentId) }
            let items = try inPhase.map { deployment in
                PhaseDeployment(
                    task: try deployment.taskId.flatMap { try document(ServerTask.self, id: $0.rawValue) } ?? ServerTask(),
                    deployment: deployment)
            }
            return PhaseProgression(
                id: state.phase.id, name: state.phase.name, blocked: false, progress: state.progress, deployments: items,
                automaticDeploymentTargets: state.phase.automaticDeploymentTargets,
                optionalDeploymentTargets: state.environments.filter { !state.phase.automaticDeploymentTargets.contains($0) },
                minimumEnvironmentsBeforePromotion: state.phase.minimumEnvironmentsBeforePromotion,
                isOptionalPhase: state.phase.isOptionalPhase)
        }
        return LifecycleProgression(
            phases: phases, nextDeployments: promotion.next, nextDeploymentsMinimumRequired: promotion.nextMinimumRequired,
            links: ["Self": "/api/\(release.spaceId)/releases/\(release.id)/progression"])
    }

    /// `GET /progression/{projectId}`: the newest releases with their latest deployment per environment.
    func projectProgression(of project: Project, releaseHistoryCount: Int, now: Date) throws -> ProjectProgression {
        let catalogue = LifecycleRules.ordered(
            try documents(DeploymentEnvironment.self, DocumentQuery([.equals("spaceId", project.spaceId.databaseValue)])))
        let names = Dictionary(catalogue.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let channels = try documents(Channel.self, DocumentQuery([.equals("projectId", project.id.databaseValue)], order: .name))
        func environments(of lifecycleID: LifecycleID) throws -> [ReferenceDataItem] {
            guard let lifecycle = try document(Lifecycle.self, id: lifecycleID.rawValue) else { return [] }
            let phases = LifecycleRules.effectivePhases(of: lifecycle, environments: catalogue)
            return LifecycleRules.environments(of: phases, catalogue: catalogue)
                .map { ReferenceDataItem(id: $0.rawValue, name: names[$0] ?? $0.rawValue) }
        }
        var channelEnvironments: [String: [ReferenceDataItem]] = [:]
        var all: [ReferenceDataItem] = []
        for channel in channels {
            let list = try environments(of: channel.lifecycleId ?? project.lifecycleId)
            channelEnvironments[channel.id.rawValue] = list
            for item in list where !all.contains(where: { $0.id == item.id }) { all.append(item) }
        }
        all.sort { a, b in
            (catalogue.firstIndex { $0.id.rawValue == a.id } ?? 0) < (catalogue.firstIndex { $0.id.rawValue == b.id } ?? 0)
        }
        let releases = try documents(
            Release.self, DocumentQuery([.equals("projectId", project.id.databaseValue)]), skip: 0, take: releaseHistoryCount)
        // Phases depend only on the channel: evaluate them once per channel, not per release.
        var phasesByChannel: [ChannelID: (phases: [Phase], catalogue: [DeploymentEnvironment])] = [:]
        let progressions = try releases.map { release in
            var byEnvironment: [String: [DashboardItem]] = [:]
            for environment in all {
                if let latest = try documents(
                    Deployment.self,
                    DocumentQuery([
                        .equals("releaseId", release.id.databaseValue), .equals("environmentId", environment.id.databaseValue),
                    ]), skip: 0, take: 1
                ).first {
                    byEnvironment[environment.id] = [try dashboardItem(latest, version: release.version, now: now)]
                }
            }
            return ReleaseProgression(
                release: release, channel: channels.first { $0.id == release.channelId }, deployments: byEnvironment,
                nextDeployments: try {
                    let resolved = try phasesByChannel[release.channelId] ?? effectivePhases(of: release)
                    phasesByChannel[release.channelId] = resolved
                    return ReleasePromotion(
                        phases: resolved.phases, catalogue: resolved.catalogue,
                        successful: try successfulEnvironments(of: release.id)
                    ).next
                }())
        }
        return ProjectProgression(
            environments: all, channelEnvironments: channelEnvironments, releases: progressions,
            links: ["Self": "/api/\(project.spaceId)/progression/\(project.id)"])
    }

    /// `GET /dashboard`: the latest deployment per project and environment.
    func dashboard(space: SpaceID, projects projectFilter: [String]?, environments environmentFilter: [String]?, includePrevious: Bool, now: Date) throws -> Dashboard {
        var projectQuery = DocumentQuery([.equals("spaceId", space.databaseValue)], order: .name)
        projectQuery.add("id", oneOf: projectFilter)
        let projects = try documents(Project.self, projectQuery)
        var environmentQuery = DocumentQuery([.equals("spaceId", space.databaseValue)], order: .column("sortOrder", descending: false))
        environmentQuery.add("id", oneOf: environmentFilter)
        let environments = try documents(DeploymentEnvironment.self, environmentQuery)
        let groups = try documents(ProjectGroup.self, DocumentQuery([.equals("spaceId", space.databaseValue)], order: .name))
        let environmentIDs = environments.map(\.id)
        var items: [DashboardItem] = []
        var previous: [DashboardItem] = []
        for project in projects {
            for environment in environmentIDs {
                let latest = try documents(
                    Deployment.self,
                    DocumentQuery([.equals("projectId", project.id.databaseValue), .equals("environmentId", environment.databaseValue)]),
                    skip: 0, take: includePrevious ? 2 : 1)
                if let current = latest.first { items.append(try dashboardItem(current, now: now)) }
                if includePrevious, latest.count > 1 {
                    var item = try dashboardItem(latest[1], now: now)
                    item.isPrevious = true
                    item.isCurrent = false
                    previous.append(item)
                }
            }
        }
        return Dashboard(
            projects: projects.map { project in
                DashboardProject(
                    id: project.id, name: project.name, slug: project.slug, isDisabled: project.isDisabled,
                    projectGroupId: project.projectGroupId, environmentIds: environmentIDs,
                    tenantedDeploymentMode: project.tenantedDeploymentMode.rawValue,
                    links: ["Self": "/api/\(space)/projects/\(project.id)"])
            },
            projectGroups: groups.map {
                DashboardProjectGroup(id: $0.id, name: $0.name, environmentIds: environmentIDs, links: ["Self": "/api/\(space)/projectgroups/\($0.id)"])
            },
            environments: environments.map { ReferenceDataItem(id: $0.id.rawValue, name: $0.name) },
            items: items, previousItems: previous, isFiltered: projectFilter != nil || environmentFilter != nil,
            links: ["Self": "/api/\(space)/dashboard"])
    }
}
