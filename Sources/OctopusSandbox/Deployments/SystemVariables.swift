import Foundation
import OctopusModel

/// The standard Octopus system variables the sandbox knows for a deployment, and their substitution into text it
/// renders (a manual intervention's instructions), as Octopus evaluates `#{Octopus.Release.Number}` there. A
/// variable it does not know stays as written, as an unresolved Octopus expression does.
struct SystemVariables: Sendable {
    var values: [String: String]

    init(deployment: Deployment, release: Release, project: Project, environment: DeploymentEnvironment, tenant: Tenant?, space: String?) {
        var values = [
            "Octopus.Deployment.Id": deployment.id.rawValue, "Octopus.Deployment.Name": deployment.name,
            "Octopus.Release.Id": release.id.rawValue, "Octopus.Release.Number": release.version,
            "Octopus.Project.Id": project.id.rawValue, "Octopus.Project.Name": project.name,
            "Octopus.Environment.Id": environment.id.rawValue, "Octopus.Environment.Name": environment.name,
        ]
        if let tenant {
            values["Octopus.Deployment.Tenant.Id"] = tenant.id.rawValue
            values["Octopus.Deployment.Tenant.Name"] = tenant.name
        }
        if let space { values["Octopus.Space.Name"] = space }
        self.values = values
    }

    /// `text` with each `#{Name}` of a known variable replaced by its value.
    func substitute(_ text: String) -> String {
        guard text.contains("#{") else { return text }
        var result = text
        for (name, value) in values {
            result = result.replacingOccurrences(of: "#{\(name)}", with: value)
        }
        return result
    }
}
