import Foundation
import OctopusModel

/// The "Deploy Child Octopus Deploy Project" step template as the sample space has it installed
/// (`ActionTemplates-1`, which the parent's steps name): version 29 of the community template, with
/// its 24 parameters in the template's order (docs/step-template.md §1-2). The sandbox runs the
/// step natively, so the script body only says where the original lives.
enum DeployChildProjectTemplate {
    static let id = "ActionTemplates-1"
    static let name = "Deploy Child Octopus Deploy Project"

    static func make(space: SpaceID, now: Date) -> ActionTemplate {
        ActionTemplate(
            id: id, spaceId: space, name: name,
            description: "Finds the newest release of a child project that matches your criteria in a source environment and deploys it to the destination, approving its manual interventions with the parent's approvers.",
            actionType: "Octopus.Script", version: 29, communityActionTemplateId: nil, packages: [],
            parameters: parameters,
            properties: [
                "Octopus.Action.Script.ScriptSource": "Inline", "Octopus.Action.Script.Syntax": "PowerShell",
                PropertyBag.scriptBody: "# Deploy Child Octopus Deploy Project, version 29: OctopusDeploy/Library, step-templates/deploy-child-project.json. The sandbox runs this step itself.",
            ],
            lastModifiedOn: now, lastModifiedBy: "release-conductor")
    }

    private enum Control: String {
        case singleLine = "SingleLineText"
        case sensitive = "Sensitive"
        case select = "Select"
        case multiLine = "MultiLineText"
    }

    private static func parameter(
        _ name: String, _ label: String, _ defaultValue: String, _ control: Control, options: String? = nil,
        help: String
    ) -> ActionTemplateParameter {
        var settings = ["Octopus.ControlType": control.rawValue]
        if let options { settings["Octopus.SelectOptions"] = options }
        return ActionTemplateParameter(
            id: SeedGUID.make("template-parameter", name), name: name, label: label, helpText: help,
            defaultValue: defaultValue, displaySettings: settings)
    }

    static let parameters: [ActionTemplateParameter] = [
        parameter("ChildProject.Web.ServerUrl", "Octopus Base Url", "#{Octopus.Web.ServerUri}", .singleLine,
                  help: "Base URL for every REST call (<base>/api/...)."),
        parameter("ChildProject.Api.Key", "Octopus API Key", "", .sensitive,
                  help: "The API key of a user who may deploy the child projects and, for auto-approval, approve their manual interventions."),
        parameter("ChildProject.Space.Name", "Child Project Space", "#{Octopus.Space.Name}", .singleLine,
                  help: "Space in which the child project, environments, tenants, machines, channels, releases are looked up."),
        parameter("ChildProject.Project.Name", "Child Project Name", "", .singleLine,
                  help: "Child project (by name)."),
        parameter("ChildProject.Release.Number", "Child Project Release Number", "", .singleLine,
                  help: "Release filter: blank = latest; wildcard e.g."),
        parameter("ChildProject.Release.NotFoundError", "Child Project Release Not Found Error Handle", "Warning", .select, options: "Error|Error\nWarning|Warning\nSkip|Skip",
                  help: "What to do when no release qualifies ."),
        parameter("ChildProject.Destination.EnvironmentName", "Destination Environment Name", "#{Octopus.Environment.Name}", .singleLine,
                  help: "Target environment of the child deployment."),
        parameter("ChildProject.SourceEnvironment.Name", "Source Environment Name", "", .singleLine,
                  help: "Optional explicit source environment; blank = computed from the channel's lifecycle."),
        parameter("ChildProject.Channel.Name", "Child Project Channel", "", .singleLine,
                  help: "Child channel; blank = the project's default channel."),
        parameter("ChildProject.Tenant.Name", "Tenant Name", "#{Octopus.Deployment.Tenant.Name}", .singleLine,
                  help: "Tenant to deploy the child for."),
        parameter("ChildProject.Prompted.Variables", "Child Project Prompted Variables", "", .multiLine,
                  help: "One Name::Value per line; only string/text/sensitive prompted variables ."),
        parameter("ChildProject.DeploymentMode.Value", "Deployment Mode", "Promote", .select, options: "Promote|Promote\nRedeploy|Redeploy\nAlwaysLatest|AlwaysLatest",
                  help: "Release-selection strategy and redeploy policy ."),
        parameter("ChildProject.RefreshVariableSnapShots.Option", "Refresh Variables Snapshots", "No", .select, options: "No|No\nYes|Yes",
                  help: "Refresh child release variable snapshot when variables changed ."),
        parameter("ChildProject.Target.MachineNames", "Specific Deployment Target", "N/A", .singleLine,
                  help: "Comma-separated machine names or ids (Machines-…)."),
        parameter("ChildProject.Deployment.IgnoreSpecificMachineMismatch", "Ignore specific machine mismatch", "No", .select, options: "No|No\nYes|Yes",
                  help: "When the parent targets specific machines and the child deploys to none of them: No = skip child; Yes = deploy child to *all* its machines."),
        parameter("ChildProject.ReleaseNotes.SaveAsArtifact", "Save release notes as artifact", "No", .select, options: "No|No\nYes|Yes",
                  help: "Also save the gathered notes as an artifact ."),
        parameter("ChildProject.WhatIf.Value", "What If", "No", .select, options: "Yes|Yes\nNo|No",
                  help: "Do everything except creating the deployment; sets outputs ."),
        parameter("ChildProject.WaitForFinish.Value", "Wait for finish", "Yes", .select, options: "Yes|Yes\nNo|No",
                  help: "Wait for child deployment."),
        parameter("ChildProject.EnableEnhancedLogging.Value", "Enable Enhanced Logging", "No", .select, options: "Yes|Yes\nNo|No",
                  help: "While waiting, copy child task log lines into parent log ."),
        parameter("ChildProject.CancelDeployment.Seconds", "Wait for Deployment", "1800", .singleLine,
                  help: "Max seconds the child task may run (measured from child task StartTime) before the step gives up and (attempts to) cancel it."),
        parameter("ChildProject.Deployment.FutureTime", "Scheduling", "N/A", .singleLine,
                  help: "Schedule the child deployment ."),
        parameter("ChildProject.ManualInterventions.UseApprovalsFromParent", "Auto-Approve Child Project Manual Interventions", "Yes", .select, options: "No|No\nYes|Yes",
                  help: "Auto-approve child manual interventions using parent approvers ."),
        parameter("ChildProject.ManualIntervention.EnvironmentToUse", "Approval Environment", "#{Octopus.Environment.Name}", .singleLine,
                  help: "Parent environment whose (latest successful) deployment of the *current parent release* supplies the approvers."),
        parameter("ChildProject.ManualIntervention.Tenant.Name", "Approval Tenant", "#{Octopus.Deployment.Tenant.Name}", .singleLine,
                  help: "Tenant whose parent deployment supplies approvers; skipped for untenanted runs."),
    ]
}
