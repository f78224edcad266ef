import Foundation
import OctopusModel
import Testing

@testable import OctopusSandbox

/// Lifecycle progress of a release: which environments it may be deployed to now (`PromoteTo`),
/// phase progress and what must succeed next.
struct ReleasePromotionTests {
    static let dev: EnvironmentID = "Environments-1"
    static let test: EnvironmentID = "Environments-2"
    static let staging: EnvironmentID = "Environments-3"
    static let approval: EnvironmentID = "Environments-4"
    static let production: EnvironmentID = "Environments-5"

    static let catalogue: [DeploymentEnvironment] = [dev, test, staging, approval, production].enumerated().map { index, id in
        DeploymentEnvironment(id: id, spaceId: "Spaces-1", name: "E\(index + 1)", sortOrder: index + 1)
    }

    static func phase(_ name: String, _ environments: [EnvironmentID], minimum: Int = 0, optional: Bool = false) -> Phase {
        Phase(name: name, optionalDeploymentTargets: environments, minimumEnvironmentsBeforePromotion: minimum, isOptionalPhase: optional)
    }

    static let component = [phase("Dev", [dev]), phase("Test", [test]), phase("Staging", [staging]), phase("Prod", [production])]

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var phases: [Phase]
        var successful: Set<EnvironmentID>
        var allowed: [EnvironmentID]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "nothing deployed", phases: component, successful: [], allowed: [dev]),
        Case(name: "dev done", phases: component, successful: [dev], allowed: [dev, test]),
        Case(name: "dev and test done", phases: component, successful: [dev, test], allowed: [dev, test, staging]),
        Case(name: "redeploy stays allowed", phases: component, successful: [dev, test, staging, production],
             allowed: [dev, test, staging, production]),
        Case(name: "optional phase does not block",
             phases: [phase("Dev", [dev]), phase("QA", [test], optional: true), phase("Prod", [production])],
             successful: [dev], allowed: [dev, test, production]),
        Case(name: "one of two is enough", phases: [phase("Dev", [dev, test], minimum: 1), phase("Prod", [production])],
             successful: [test], allowed: [dev, test, production]),
        Case(name: "both of two needed", phases: [phase("Dev", [dev, test]), phase("Prod", [production])],
             successful: [test], allowed: [dev, test]),
        Case(name: "any-environment phase covers the rest", phases: [phase("Dev", [dev]), phase("Rest", [])],
             successful: [dev], allowed: [dev, test, staging, approval, production]),
    ]

    @Test(arguments: cases)
    func allowedEnvironments(_ example: Case) {
        let promotion = ReleasePromotion(phases: example.phases, catalogue: Self.catalogue, successful: example.successful)
        #expect(promotion.allowed == example.allowed)
    }

    @Test func progressAndNextDeployments() {
        let promotion = ReleasePromotion(phases: Self.component, catalogue: Self.catalogue, successful: [Self.dev, Self.test])
        #expect(promotion.phases.map(\.progress) == [.complete, .complete, .current, .pending])
        #expect(promotion.next == [Self.staging])
        #expect(promotion.nextMinimumRequired == 1)
    }
}
