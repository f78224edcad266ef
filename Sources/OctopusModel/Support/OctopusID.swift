/// The kind of resource an ``OctopusID`` names; the prefix is the collection part of Octopus's ids
/// (`Projects` in `Projects-12`).
public protocol OctopusIDKind: Sendable {
    /// Collection prefix of sequential ids of this kind, e.g. `"Projects"`.
    static var prefix: String { get }
}

/// A typed Octopus resource id such as `Projects-1`, so a project id cannot be passed where an
/// environment id is expected. Encodes as a plain JSON string.
///
/// One generic type serves every resource; the aliases below (``ProjectID``, ``ReleaseID``, ...)
/// give each kind its name.
public struct OctopusID<Kind: OctopusIDKind>: RawRepresentable, Codable, Hashable, Sendable,
    ExpressibleByStringLiteral, CustomStringConvertible, Comparable
{
    /// The id as Octopus writes it, e.g. `"Releases-42"` or `"deploymentprocess-Projects-1"`.
    public var rawValue: String

    /// Wraps an id string as it appears on the wire.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Wraps an id string as it appears on the wire.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// Allows `let id: ProjectID = "Projects-1"`.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The sequential id `<prefix>-<number>` of this kind, e.g. `ProjectID(number: 3)` is `Projects-3`.
    public init(number: Int) { self.rawValue = "\(Kind.prefix)-\(number)" }

    /// The numeric suffix of a sequential id (`12` for `Releases-12`), or nil for ids such as
    /// `teams-administrators`.
    public var number: Int? {
        guard let dash = rawValue.lastIndex(of: "-") else { return nil }
        return Int(rawValue[rawValue.index(after: dash)...])
    }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Orders by numeric suffix when both ids have one (`Releases-9 < Releases-10`), else by text.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        if let left = lhs.number, let right = rhs.number, left != right { return left < right }
        return lhs.rawValue < rhs.rawValue
    }
}

/// Id kinds of the resources Conductor uses.
public enum OctopusIDKinds {
    public enum Space: OctopusIDKind { public static let prefix = "Spaces" }
    public enum Project: OctopusIDKind { public static let prefix = "Projects" }
    public enum ProjectGroup: OctopusIDKind { public static let prefix = "ProjectGroups" }
    public enum Channel: OctopusIDKind { public static let prefix = "Channels" }
    public enum Lifecycle: OctopusIDKind { public static let prefix = "Lifecycles" }
    public enum Environment: OctopusIDKind { public static let prefix = "Environments" }
    public enum Machine: OctopusIDKind { public static let prefix = "Machines" }
    public enum Release: OctopusIDKind { public static let prefix = "Releases" }
    public enum Deployment: OctopusIDKind { public static let prefix = "Deployments" }
    public enum ServerTask: OctopusIDKind { public static let prefix = "ServerTasks" }
    public enum Interruption: OctopusIDKind { public static let prefix = "Interruptions" }
    public enum Event: OctopusIDKind { public static let prefix = "Events" }
    public enum Artifact: OctopusIDKind { public static let prefix = "Artifacts" }
    public enum Team: OctopusIDKind { public static let prefix = "Teams" }
    public enum User: OctopusIDKind { public static let prefix = "Users" }
    public enum DeploymentProcess: OctopusIDKind { public static let prefix = "deploymentprocess" }
    public enum VariableSet: OctopusIDKind { public static let prefix = "variableset" }
    public enum Feed: OctopusIDKind { public static let prefix = "Feeds" }
    public enum Tenant: OctopusIDKind { public static let prefix = "Tenants" }
    public enum MachinePolicy: OctopusIDKind { public static let prefix = "MachinePolicies" }
    public enum WorkerPool: OctopusIDKind { public static let prefix = "WorkerPools" }
}

public typealias SpaceID = OctopusID<OctopusIDKinds.Space>
public typealias ProjectID = OctopusID<OctopusIDKinds.Project>
public typealias ProjectGroupID = OctopusID<OctopusIDKinds.ProjectGroup>
public typealias ChannelID = OctopusID<OctopusIDKinds.Channel>
public typealias LifecycleID = OctopusID<OctopusIDKinds.Lifecycle>
public typealias EnvironmentID = OctopusID<OctopusIDKinds.Environment>
public typealias MachineID = OctopusID<OctopusIDKinds.Machine>
public typealias ReleaseID = OctopusID<OctopusIDKinds.Release>
public typealias DeploymentID = OctopusID<OctopusIDKinds.Deployment>
public typealias ServerTaskID = OctopusID<OctopusIDKinds.ServerTask>
public typealias InterruptionID = OctopusID<OctopusIDKinds.Interruption>
public typealias EventID = OctopusID<OctopusIDKinds.Event>
public typealias ArtifactID = OctopusID<OctopusIDKinds.Artifact>
public typealias TeamID = OctopusID<OctopusIDKinds.Team>
public typealias UserID = OctopusID<OctopusIDKinds.User>
public typealias DeploymentProcessID = OctopusID<OctopusIDKinds.DeploymentProcess>
public typealias VariableSetID = OctopusID<OctopusIDKinds.VariableSet>
public typealias FeedID = OctopusID<OctopusIDKinds.Feed>
public typealias TenantID = OctopusID<OctopusIDKinds.Tenant>
public typealias MachinePolicyID = OctopusID<OctopusIDKinds.MachinePolicy>
public typealias WorkerPoolID = OctopusID<OctopusIDKinds.WorkerPool>

extension DeploymentProcessID {
    /// The process id Octopus derives from a project id: `deploymentprocess-Projects-1`.
    public init(project: ProjectID) { self.init("deploymentprocess-\(project.rawValue)") }
}

extension VariableSetID {
    /// The variable set id Octopus derives from a project id: `variableset-Projects-1`.
    public init(project: ProjectID) { self.init("variableset-\(project.rawValue)") }
}
