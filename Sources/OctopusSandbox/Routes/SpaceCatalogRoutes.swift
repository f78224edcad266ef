import GRDB
import Hummingbird
import OctopusModel

/// The space's catalog collections (page, `/all`, `{id}` with `ids`/`partialName`): step
/// templates (and the steps using them), tag sets, worker pools, machine policies and library variable sets (`contentType`);
/// the dashboard configuration; and tenants' variables (`tenantvariables/all`,
/// `tenants/{id}/variables`).
enum SpaceCatalogRoutes {
    static func register(on router: Router<SandboxRequestContext>, services: SandboxServices) {
        let store = services.store
        CollectionRoutes<ActionTemplate>(
            collection: "actiontemplates", itemType: "ActionTemplate", kind: "ActionTemplate", permission: .processView,
            order: .name, linking: SandboxLinks.linking
        ).register(on: router, services: services)
        CollectionRoutes<TagSet>(
            collection: "tagsets", itemType: "TagSet", kind: "TagSet", permission: .tenantView,
            order: .column("sortOrder", descending: false), linking: SandboxLinks.linking
        ).register(on: router, services: services)
        CollectionRoutes<WorkerPool>(
            collection: "workerpools", itemType: "WorkerPool", kind: "WorkerPool", permission: .machineView,
            order: .column("sortOrder", descending: false), byName: true,
            templateQuery: "{?skip,take,ids,partialName,name}", linking: SandboxLinks.linking
        ).register(on: router, services: services)
        CollectionRoutes<MachinePolicy>(
            collection: "machinepolicies", itemType: "MachinePolicy", kind: "MachinePolicy", permission: .machineView,
            order: .name, linking: SandboxLinks.linking
        ).register(on: router, services: services)
        CollectionRoutes<LibraryVariableSet>(
            collection: "libraryvariablesets", itemType: "LibraryVariableSet", kind: "LibraryVariableSet",
            permission: .variableView, order: .name, templateQuery: "{?skip,contentType,take,ids,partialName}",
            filters: { parameters in parameters.list("contentType").map { [.textOneOf("contentType", $0)] } ?? [] },
            linking: SandboxLinks.linking
        ).register(on: router, services: services)
        router.get("/api/{spaceId}/actiontemplates/{id}/usage") { _, context in
            let space = try await services.authorize(context, .processView)
            let template = try await ResourceListing.one(
                ActionTemplate.self, kind: "ActionTemplate", id: try context.parameter("id"), space: space, store: store)
            return try JSONResponse.ok(try await store.read { db in try db.usages(of: template) })
        }
        router.get("/api/{spaceId}/machinepolicies/{id}/machines") { request, context in
            let space = try await services.authorize(context, .machineView)
            let policy = try await ResourceListing.one(
                MachinePolicy.self, kind: "MachinePolicy", id: try context.parameter("id"), space: space, store: store)
            let machines = try await MachineRoutes.machines(request: request, space: space, store: store, environment: nil)
                .filter { $0.machinePolicyId?.rawValue == policy.id }
            return try ResourceListing.page(
                of: machines, itemType: "Machine", request: request,
                template: "/api/\(space)/machinepolicies/\(policy.id)/machines{?skip,take}")
        }
        router.get("/api/{spaceId}/dashboardconfiguration") { _, context in
            let space = try await services.authorize(context, .projectView)
            return try JSONResponse.ok(DashboardConfiguration(space: space))
        }
        router.get("/api/{spaceId}/tenantvariables/all") { request, context in
            let space = try await services.authorize(context, .tenantView)
            let project = QueryParameters(request).string("projectId")
            let (tenants, projects) = try await tenantsAndProjects(space: space, store: store)
            return try JSONResponse.ok(
                tenants.filter { tenant in project.map { tenant.projectEnvironments[$0] != nil } ?? true }
                    .map { TenantVariables(tenant: $0, projects: projects) })
        }
        router.get("/api/{spaceId}/tenants/{id}/variables") { _, context in
            let space = try await services.authorize(context, .tenantView)
            let tenant = try await ResourceListing.one(
                Tenant.self, kind: "Tenant", id: try context.parameter("id"), space: space, store: store)
            let (_, projects) = try await tenantsAndProjects(space: space, store: store)
            return try JSONResponse.ok(TenantVariables(tenant: tenant, projects: projects))
        }
    }

    private static func tenantsAndProjects(space: SpaceID, store: SandboxStore) async throws -> ([Tenant], [Project]) {
        try await store.read { db in
            let inSpace = DocumentQuery([.equals("spaceId", space.databaseValue)], order: .name)
            return (try db.documents(Tenant.self, inSpace), try db.documents(Project.self, inSpace))
        }
    }
}

extension Database {
    /// The steps of the space's projects' (current) processes that run `template`.
    func usages(of template: ActionTemplate) throws -> [ActionTemplateUsage] {
        let projects = try documents(Project.self, DocumentQuery([.equals("spaceId", template.spaceId.databaseValue)], order: .oldestFirst))
        var usages: [ActionTemplateUsage] = []
        for project in projects {
            guard let process = try document(DeploymentProcess.self, id: project.deploymentProcessId.rawValue) else { continue }
            for step in process.steps {
                for action in step.actions where action.properties["Octopus.Action.Template.Id"] == template.id {
                    usages.append(
                        ActionTemplateUsage(
                            id: "\(template.id)-\(action.id)", actionTemplateId: template.id,
                            version: action.properties["Octopus.Action.Template.Version"], deploymentProcessId: process.id,
                            processId: process.id, processType: "Deployment", projectId: project.id, projectName: project.name,
                            projectSlug: project.slug, stepId: step.id, stepName: step.name, actionId: action.id,
                            actionName: action.name))
                }
            }
        }
        return usages
    }
}
