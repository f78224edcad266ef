import GRDB
import Hummingbird
import OctopusModel

/// Deployment processes (including release snapshots): list (`ids`), `{id}`, and their release
/// templates.
enum DeploymentProcessRoutes {
    static func register(on router: Router<SandboxRequestContext>, services: SandboxServices) {
        let store = services.store
        CollectionRoutes<DeploymentProcess>(
            collection: "deploymentprocesses", itemType: "DeploymentProcess", kind: "DeploymentProcess",
            permission: .processView, order: .oldestFirst, templateQuery: "{?skip,take,ids}", includesAll: false,
            linking: SandboxLinks.linking
        ).register(on: router, services: services)
        router.get("/api/{spaceId}/deploymentprocesses/{id}/template") { request, context in
            let space = try await services.authorize(context, .processView)
            let process = try await ResourceListing.one(
                DeploymentProcess.self, kind: "DeploymentProcess", id: try context.parameter("id"), space: space,
                store: store)
            return try JSONResponse.ok(try await template(for: process, request: request, store: store))
        }
        router.get("/api/{spaceId}/projects/{id}/deploymentprocesses/template") { request, context in
            let space = try await services.authorize(context, .processView)
            let project = try await ProjectRoutes.project(context, space: space, store: store)
            let process = try await ResourceListing.one(
                DeploymentProcess.self, kind: "DeploymentProcess", id: project.deploymentProcessId.rawValue,
                space: space, store: store)
            return try JSONResponse.ok(try await template(for: process, request: request, store: store))
        }
    }

    /// The release template of a process: the newest release of the project (of `?channel=` when
    /// given, or the `?releaseId=` release), its package versions, and the next version.
    static func template(for process: DeploymentProcess, request: Request, store: SandboxStore) async throws
        -> ReleaseTemplate
    {
        let parameters = QueryParameters(request)
        let channel = parameters.string("channel")
        let releaseID = parameters.string("releaseId")
        let (project, last) = try await store.read { db -> (Project?, Release?) in
            let project = try db.document(Project.self, id: process.projectId.rawValue)
            if let releaseID {
                guard let release = try db.document(Release.self, id: releaseID), release.projectId == process.projectId
                else { throw SandboxError.resourceNotFound(kind: "Release", id: releaseID) }
                return (project, release)
            }
            var query = DocumentQuery([.equals("projectId", process.projectId.databaseValue)], order: .newestFirst)
            if let channel { query.add(.equals("channelId", channel.databaseValue)) }
            return (project, try db.documents(Release.self, query, take: 1).first)
        }
        let projectName = project?.name ?? process.projectId.rawValue
        let packages = process.steps.flatMap { step in
            step.actions.flatMap { action in
                action.packages.map { package in
                    ReleaseTemplatePackage(
                        actionName: action.name, stepName: step.name, packageId: package.packageId,
                        packageReferenceName: package.name, feedId: package.feedId,
                        versionSelectedLastRelease: last?.selectedPackages.first {
                            $0.actionName == action.name && ($0.packageReferenceName ?? "") == package.name
                        }?.version,
                        projectName: projectName)
                }
            }
        }
        let donor = project?.versioningStrategy?.donorPackage
        return ReleaseTemplate(
            id: "\(process.id.rawValue)/template", deploymentProcessId: process.id, lastReleaseVersion: last?.version,
            nextVersionIncrement: VersionTemplate.next(after: last?.version, template: project?.versioningStrategy?.template),
            versioningPackageStepName: donor?.deploymentAction, versioningPackageReferenceName: donor?.packageReference,
            packages: packages,
            links: ["Self": "/api/\(process.spaceId.rawValue)/deploymentprocesses/\(process.id.rawValue)/template"])
    }
}
