import Hummingbird

/// The ONE place every route of the sandbox is registered. Each resource file offers
/// `static func register(on:services:)`; add yours to the list below.
///
/// Conventions: register space-scoped routes once, as `/api/{spaceId}/...` (the request rewriter
/// maps `/api/X` and `/api/spaces/{spaceId}/X` onto them; its list of space-scoped collection names
/// must contain the first segment). Register system routes (`/api/users`, `/api/tasks`, ...) as they
/// are, plus `/api/{spaceId}/...` where Octopus has both forms.
enum SandboxRoutes {
    static func register(on router: Router<SandboxRequestContext>, services: SandboxServices) {
        // First, so it wraps every route and the router's not-found responder.
        router.add(middleware: OctopusErrorMiddleware())
        router.add(middleware: SandboxTrafficMiddleware(statistics: services.statistics, faults: services.faults))
        RootRoutes.register(on: router, services: services)
        SpaceRoutes.register(on: router, services: services)
        UserRoutes.register(on: router, services: services)
        LoginRoutes.register(on: router, services: services)
        TeamRoutes.register(on: router, services: services)
        ProjectRoutes.register(on: router, services: services)
        ProjectGroupRoutes.register(on: router, services: services)
        ChannelRoutes.register(on: router, services: services)
        ReleaseRoutes.register(on: router, services: services)
        LifecycleRoutes.register(on: router, services: services)
        EnvironmentRoutes.register(on: router, services: services)
        MachineRoutes.register(on: router, services: services)
        TenantRoutes.register(on: router, services: services)
        DeploymentProcessRoutes.register(on: router, services: services)
        // sandbox-tasks adds its routes below.
        DeploymentRoutes.register(on: router, services: services)
        TaskRoutes.register(on: router, services: services)
        InterruptionRoutes.register(on: router, services: services)
        EventRoutes.register(on: router, services: services)
        ArtifactRoutes.register(on: router, services: services)
        ProgressionRoutes.register(on: router, services: services)
        VariableRoutes.register(on: router, services: services)
        FeedRoutes.register(on: router, services: services)
        BuildInformationRoutes.register(on: router, services: services)
        SpaceCatalogRoutes.register(on: router, services: services)
        EmptyCollectionRoutes.register(on: router, services: services)
        AdvertisedLinkRoutes.register(on: router, services: services)
        SystemLinkRoutes.register(on: router, services: services)
        ActionLinkRoutes.register(on: router, services: services)
        SandboxControlRoutes.register(on: router, services: services)
    }
}
