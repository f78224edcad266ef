import OctopusModel

/// A resource whose `Links` the sandbox fills in when it serves it (``SandboxLinks``'s `linking`
/// functions): one way to give a copy of a resource its links, instead of a copy-assign-return in
/// each of them.
protocol LinkedResource {
    /// The resource's `Links`.
    var links: Links { get set }
}

extension LinkedResource {
    /// A copy of the resource with `links` as its `Links`.
    func linked(_ links: Links) -> Self {
        var resource = self
        resource.links = links
        return resource
    }
}

extension Space: LinkedResource {}
extension User: LinkedResource {}
extension Team: LinkedResource {}
extension ProjectGroup: LinkedResource {}
extension Project: LinkedResource {}
extension Channel: LinkedResource {}
extension Lifecycle: LinkedResource {}
extension DeploymentEnvironment: LinkedResource {}
extension Machine: LinkedResource {}
extension DeploymentProcess: LinkedResource {}
extension Release: LinkedResource {}
extension VariableSet: LinkedResource {}
extension Tenant: LinkedResource {}
extension Feed: LinkedResource {}
extension FeedPackage: LinkedResource {}
extension PackageBuildInformation: LinkedResource {}
extension ActionTemplate: LinkedResource {}
extension TagSet: LinkedResource {}
extension WorkerPool: LinkedResource {}
extension MachinePolicy: LinkedResource {}
extension LibraryVariableSet: LinkedResource {}
