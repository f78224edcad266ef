import OctopusModel
import OctopusSandbox
import Testing

@Suite("Lifecycle rules")
struct LifecycleRulesTests {
    static let space: SpaceID = "Spaces-1"
    // Deliberately out of SortOrder, to prove ordering comes from SortOrder.
    static let catalogue = [
        DeploymentEnvironment(id: "Environments-3", spaceId: space, name: "Staging", sortOrder: 3),
        DeploymentEnvironment(id: "Environments-1", spaceId: space, name: "Development", sortOrder: 1),
        DeploymentEnvironment(id: "Environments-5", spaceId: space, name: "Production", sortOrder: 5),
        DeploymentEnvironment(id: "Environments-2", spaceId: space, name: "Test", sortOrder: 2),
        DeploymentEnvironment(id: "Environments-4", spaceId: space, name: "Prod Approval", sortOrder: 4),
    ]

    static func lifecycle(_ phases: [Phase]) -> Lifecycle {
        Lifecycle(id: "Lifecycles-9", spaceId: space, name: "Under test", phases: phases)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let phases: [Phase]
        let expected: [[EnvironmentID]]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "no phases: one generated phase per environment in SortOrder", phases: [],
            expected: [["Environments-1"], ["Environments-2"], ["Environments-3"], ["Environments-4"], ["Environments-5"]]),
        Case(
            name: "explicit phases keep their environments",
            phases: [
                Phase(name: "Staging", optionalDeploymentTargets: ["Environments-3"]),
                Phase(name: "Production", automaticDeploymentTargets: ["Environments-5"]),
            ],
            expected: [["Environments-3"], ["Environments-5"]]),
        Case(
            name: "several environments per phase, automatic first",
            phases: [
                Phase(
                    name: "Pre-production", automaticDeploymentTargets: ["Environments-2"],
                    optionalDeploymentTargets: ["Environments-1", "Environments-3"]),
                Phase(name: "Production", optionalDeploymentTargets: ["Environments-5"]),
            ],
            expected: [["Environments-2", "Environments-1", "Environments-3"], ["Environments-5"]]),
        Case(
            name: "a phase with no environments covers the rest, in SortOrder",
            phases: [
                Phase(name: "Dev", optionalDeploymentTargets: ["Environments-1"]),
                Phase(name: "Anything else"),
            ],
            expected: [["Environments-1"], ["Environments-2", "Environments-3", "Environments-4", "Environments-5"]]),
        Case(
            name: "optional phases still list their environments",
            phases: [
                Phase(name: "Test", optionalDeploymentTargets: ["Environments-2"], isOptionalPhase: true),
                Phase(name: "Production", optionalDeploymentTargets: ["Environments-5"]),
            ],
            expected: [["Environments-2"], ["Environments-5"]]),
    ]

    @Test(arguments: cases)
    func previewResolvesPhaseEnvironments(_ testCase: Case) {
        let preview = LifecycleRules.preview(of: Self.lifecycle(testCase.phases), environments: Self.catalogue)
        #expect(preview.phases.map(\.environmentIds) == testCase.expected)
        #expect(preview.phases.count == testCase.expected.count)
    }

    @Test func generatedPhasesAreNamedAfterEnvironmentsAndRequired() {
        let phases = LifecycleRules.effectivePhases(of: Self.lifecycle([]), environments: Self.catalogue)
        #expect(phases.map(\.name) == ["Development", "Test", "Staging", "Prod Approval", "Production"])
        #expect(phases.allSatisfy { !$0.isOptionalPhase && $0.minimumEnvironmentsBeforePromotion == 0 })
        #expect(Set(phases.compactMap(\.id)).count == 5)
    }

    @Test func channelLifecycleFallsBackToTheProject() {
        let project = Project(
            id: "Projects-1", spaceId: Self.space, name: "Web API", projectGroupId: "ProjectGroups-1",
            lifecycleId: "Lifecycles-2")
        let inherits = Channel(id: "Channels-1", spaceId: Self.space, projectId: project.id, name: "Default")
        let own = Channel(
            id: "Channels-2", spaceId: Self.space, projectId: project.id, name: "Hotfix", lifecycleId: "Lifecycles-4")
        #expect(LifecycleRules.lifecycleID(channel: inherits, project: project) == "Lifecycles-2")
        #expect(LifecycleRules.lifecycleID(channel: own, project: project) == "Lifecycles-4")
        #expect(LifecycleRules.lifecycleID(channel: nil, project: project) == "Lifecycles-2")
    }

    @Test(arguments: [(0, 3, 3), (1, 3, 1), (2, 3, 2), (5, 3, 3), (0, 0, 0)])
    func requiredSuccesses(minimum: Int, environments: Int, expected: Int) {
        let phase = Phase(name: "P", minimumEnvironmentsBeforePromotion: minimum)
        #expect(LifecycleRules.requiredSuccesses(of: phase, environmentCount: environments) == expected)
    }

    @Test func environmentsOfALifecycleAreInPhaseOrderOnce() {
        let phases = [
            Phase(name: "A", optionalDeploymentTargets: ["Environments-3", "Environments-1"]),
            Phase(name: "B", optionalDeploymentTargets: ["Environments-1", "Environments-5"]),
        ]
        #expect(
            LifecycleRules.environments(of: phases, catalogue: Self.catalogue)
                == ["Environments-3", "Environments-1", "Environments-5"])
    }
}
