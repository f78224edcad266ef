import Orchestration
import Testing

struct LifecycleWalkTests {
    static func phase(_ name: String, _ auto: [String], optional: [String] = [], isOptional: Bool = false) -> LifecyclePhase {
        LifecyclePhase(name: name, automaticEnvironmentIds: auto, optionalEnvironmentIds: optional, isOptional: isOptional)
    }

    /// Dev → Test → Staging → Production, as generated for a lifecycle without phases.
    static let generated = [phase("Development", ["Env-dev"]), phase("Test", ["Env-test"]), phase("Staging", ["Env-stg"]), phase("Production", ["Env-prod"])]
    /// Dev, an optional Load Test phase, then QA with two environments, then Production.
    static let optional = [
        phase("Dev", ["Env-dev"]),
        phase("Load Test", [], optional: ["Env-load"], isOptional: true),
        phase("Perf", ["Env-perf"], isOptional: true),
        phase("QA", ["Env-qa1"], optional: ["Env-qa2"]),
        phase("Production", ["Env-prod"]),
    ]

    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let phases: [LifecyclePhase]
        let destination: String
        let mode: DeploymentMode
        let source: String?
        let expected: SourceEnvironments?
        var description: String { name }
    }

    @Test(arguments: [
        Case(name: "previous phase", phases: generated, destination: "Env-stg", mode: .promote, source: nil,
             expected: SourceEnvironments(environmentIds: ["Env-test"], isFirstPhase: false, hasRequiredPhase: true, reason: .previousPhases(["Test"]))),
        Case(name: "first phase", phases: generated, destination: "Env-dev", mode: .promote, source: nil,
             expected: SourceEnvironments(environmentIds: ["Env-dev"], isFirstPhase: true, hasRequiredPhase: false, reason: .firstPhase)),
        Case(name: "first phase ignores an explicit source", phases: generated, destination: "Env-dev", mode: .promote, source: "Env-test",
             expected: SourceEnvironments(environmentIds: ["Env-dev"], isFirstPhase: true, hasRequiredPhase: false, reason: .firstPhase)),
        Case(name: "explicit source", phases: generated, destination: "Env-prod", mode: .promote, source: "Env-test",
             expected: SourceEnvironments(environmentIds: ["Env-test"], isFirstPhase: false, hasRequiredPhase: false, reason: .explicit)),
        Case(name: "walks back through optional phases", phases: optional, destination: "Env-qa2", mode: .promote, source: nil,
             expected: SourceEnvironments(environmentIds: ["Env-perf", "Env-load", "Env-dev"], isFirstPhase: false, hasRequiredPhase: true, reason: .previousPhases(["Perf", "Load Test", "Dev"]))),
        Case(name: "several environments per phase", phases: optional, destination: "Env-prod", mode: .promote, source: nil,
             expected: SourceEnvironments(environmentIds: ["Env-qa1", "Env-qa2"], isFirstPhase: false, hasRequiredPhase: true, reason: .previousPhases(["QA"]))),
        Case(name: "only optional phases before", phases: [phase("Dev", ["Env-dev"], isOptional: true), phase("Prod", ["Env-prod"])], destination: "Env-prod", mode: .promote, source: nil,
             expected: SourceEnvironments(environmentIds: ["Env-dev"], isFirstPhase: false, hasRequiredPhase: false, reason: .previousPhases(["Dev"]))),
        Case(name: "redeploy uses the destination", phases: generated, destination: "Env-stg", mode: .redeploy, source: nil,
             expected: SourceEnvironments(environmentIds: ["Env-stg"], isFirstPhase: false, hasRequiredPhase: false, reason: .destinationItself)),
        Case(name: "always latest uses the destination", phases: [], destination: "Env-x", mode: .alwaysLatest, source: nil,
             expected: SourceEnvironments(environmentIds: ["Env-x"], isFirstPhase: false, hasRequiredPhase: false, reason: .destinationItself)),
        Case(name: "destination outside the lifecycle", phases: generated, destination: "Env-x", mode: .promote, source: nil, expected: nil),
    ])
    func walk(_ c: Case) {
        #expect(LifecycleWalk.sources(phases: c.phases, destinationId: c.destination, mode: c.mode, explicitSourceId: c.source) == c.expected)
    }

    @Test(arguments: [
        ("Promote", DeploymentMode.promote), ("promote", .promote), ("ALWAYSLATEST", .alwaysLatest),
        ("Redeploy", .redeploy), ("", .redeploy), ("Promte", .redeploy),
    ])
    func modeParameter(text: String, mode: DeploymentMode) {
        #expect(DeploymentMode(parameter: text) == mode)
    }

    @Test(arguments: [("Error", NotFoundHandling.error), ("skip", .skip), ("Warning", .warning), ("", .warning), ("Eror", .warning)])
    func notFoundParameter(text: String, handling: NotFoundHandling) {
        #expect(NotFoundHandling(parameter: text) == handling)
    }

    @Test(arguments: [
        (["Machines-1"], ["machines-1", "Machines-2"], ["machines-1"]),
        ([" Machines-2 ", "Machines-2"], ["Machines-1", "Machines-2", "Machines-2"], ["Machines-2"]),
        (["Machines-9"], ["Machines-1"], []),
        (["Machines-1"], [], []),
    ])
    func machineFilter(requested: [String], preview: [String], expected: [String]) {
        #expect(MachineFilter.matching(requested: requested, previewMachineIds: preview) == expected)
    }
}
