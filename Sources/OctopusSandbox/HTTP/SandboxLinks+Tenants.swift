import OctopusModel

extension SandboxLinks {
    /// A tenant's links, as Octopus serves them.
    static func linking(_ tenant: Tenant) -> Tenant {
        let base = "/api/\(tenant.spaceId.rawValue)/tenants/\(tenant.id.rawValue)"
        return tenant.linked([
            "Self": base, "Variables": "\(base)/variables", "Logo": "\(base)/logo?cb=\(tenant.id.rawValue)",
            "Web": "/app#/\(tenant.spaceId.rawValue)/tenants/\(tenant.id.rawValue)",
        ])
    }
}
