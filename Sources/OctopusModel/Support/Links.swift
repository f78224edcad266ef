/// A resource's `Links`: link name (`Self`, `Releases`, `Page.Next`, ...) to a server-root-relative
/// URI or RFC 6570 template such as `/api/Spaces-1/projects/Projects-1/releases{/version}{?skip,take}`.
public typealias Links = [String: String]
