import Foundation
import OctopusModel

/// Walks a deployment process for one environment and channel: which actions apply, their numbers,
/// and the machines each would run on. The deployment preview and the task simulator's plan both
/// come from this one walk, so what the preview promises is what the task runs.
struct DeploymentPlanner: Sendable {
    /// One action of the process as it applies to the environment.
    struct PlannedAction: Sendable {
        var step: DeploymentStep
        var action: DeploymentAction
        /// "1", "2", "2.1", ...
        var number: String
        var roles: [String]
        /// Machines the action would run on (enabled, in the environment, with a matching role,
        /// allowed by the specific/excluded lists).
        var machines: [Machine]
        /// Machines with a matching role that the excluded list or specific list left out.
        var excludedMachines: [Machine]
        /// Matching machines that are not available (unhealthy or unavailable).
        var unavailableMachines: [Machine]

        /// Runs on a worker or the server when the step has no target roles.
        var runsOnTargets: Bool { !roles.isEmpty }
    }

    var process: DeploymentProcess
    var environment: EnvironmentID
    var channel: ChannelID
    /// Every machine of the space.
    var machines: [Machine]

    /// Actions that apply to the environment and channel, disabled ones only when asked for.
    func actions(
        specificMachines: [MachineID] = [], excludedMachines: [MachineID] = [], includeDisabled: Bool = false
    ) -> [PlannedAction] {
        var planned: [PlannedAction] = []
        for (stepIndex, step) in process.steps.enumerated() {
            let roles = step.targetRoles
            let candidates = machines.filter { machine in
                machine.environmentIds.contains(environment) && !machine.isDisabled
                    && !Set(machine.roles).isDisjoint(with: roles)
            }
            let allowed = candidates.filter { machine in
                (specificMachines.isEmpty || specificMachines.contains(machine.id)) && !excludedMachines.contains(machine.id)
            }
            let unavailable = allowed.filter { $0.healthStatus == .unavailable || $0.healthStatus == .unhealthy }
            for (actionIndex, action) in step.actions.enumerated() {
                guard action.runs(in: environment), action.channels.isEmpty || action.channels.contains(channel),
                    includeDisabled || !action.isDisabled
                else { continue }
                let number = step.actions.count > 1 ? "\(stepIndex + 1).\(actionIndex + 1)" : "\(stepIndex + 1)"
                planned.append(
                    PlannedAction(
                        step: step, action: action, number: number, roles: roles,
                        machines: allowed.filter { machine in !unavailable.contains { $0.id == machine.id } },
                        excludedMachines: candidates.filter { machine in !allowed.contains { $0.id == machine.id } },
                        unavailableMachines: unavailable))
            }
        }
        return planned
    }

    /// Seconds an action runs at speed 1, by what it does.
    static func baseDuration(of action: DeploymentAction, targets: Int) -> TimeInterval {
        switch action.actionType {
        case DeploymentAction.manualInterventionType: return 0
        case "Octopus.Script": return 20 + 5 * Double(max(0, targets - 1))
        case "Octopus.HealthCheck": return 5
        default: return 45 + 10 * Double(max(0, targets - 1))
        }
    }

    /// The simulator's plan for a deployment: the applicable, enabled, not-skipped actions.
    ///
    /// - Parameters:
    ///   - deployment: the deployment: its specific and excluded machines and skipped actions.
    ///   - speed: step durations are divided by it.
    ///   - failures: arranged failures, by action id or step name, with their messages.
    ///   - variables: the system variables substituted into manual-intervention instructions.
    /// - Returns: the steps the task will run (durations already scaled) and its guided-failure setting.
    func runPlan(
        for deployment: Deployment, speed: Double, failures: [String: String] = [:], variables: SystemVariables? = nil
    ) -> TaskRunPlan {
        let actions = self.actions(
            specificMachines: deployment.specificMachineIds, excludedMachines: deployment.excludedMachineIds)
            .filter { !deployment.skipActions.contains($0.action.id) }
        let steps = actions.map { planned in
            let manual = planned.action.isManualIntervention
            return SimulatedStep(
                actionId: planned.action.id, actionNumber: planned.number, name: planned.action.name,
                kind: manual ? .manualIntervention : .work,
                duration: Self.baseDuration(of: planned.action, targets: planned.machines.count) / speed,
                targets: planned.runsOnTargets ? planned.machines.map(\.name) : [],
                instructions: manual
                    ? planned.action.properties[PropertyBag.manualInstructions].map { variables?.substitute($0) ?? $0 } : nil,
                responsibleTeamIds: manual ? planned.action.responsibleTeamIds : [],
                failureMessage: failures[planned.action.id] ?? failures[planned.action.name] ?? failures[planned.step.name])
        }
        return TaskRunPlan(steps: steps, useGuidedFailure: deployment.useGuidedFailure, cancellationGrace: 2 / speed)
    }

    /// The preview's `StepsToExecute`.
    func previewSteps(includeDisabled: Bool) -> [DeploymentTemplateStep] {
        actions(includeDisabled: includeDisabled).map { planned in
            DeploymentTemplateStep(
                actionId: planned.action.id, actionName: planned.action.name, actionNumber: planned.number,
                roles: planned.roles, machineNames: planned.machines.map(\.name),
                machines: planned.machines.map { machine in
                    MachineDeploymentPreview(
                        id: machine.id, name: machine.name, hasLatestCalamari: machine.hasLatestCalamari,
                        healthStatus: machine.healthStatus == .unknown ? nil : machine.healthStatus.rawValue)
                },
                canBeSkipped: !planned.action.isRequired, isDisabled: planned.action.isDisabled,
                hasNoApplicableMachines: planned.runsOnTargets && planned.machines.isEmpty,
                unavailableMachines: planned.unavailableMachines.map { ReferenceDataItem(id: $0.id.rawValue, name: $0.name) },
                excludedMachines: planned.excludedMachines.map { ReferenceDataItem(id: $0.id.rawValue, name: $0.name) })
        }
    }
}
