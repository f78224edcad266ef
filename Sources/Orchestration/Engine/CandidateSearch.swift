import Foundation
import OctopusClient
import OctopusModel

/// §5.13.4 over a run of candidate releases for one child, with a bounded number of requests: the pattern first (no
/// request), then the deployment template; once a template has said no, the project's progression (one request, the
/// newest releases with the environments each may go to next) picks the candidates worth a template, and at most
/// `maximumConfirmations` more templates are read — so a child's cost does not grow with its history.
struct CandidateSearch {
    /// A release that may go to the destination.
    struct Found {
        var release: Release
        /// From its deployment template; nil when none was read (Redeploy).
        var snapshotIsStale: Bool?
    }

    /// How the progression's releases are ordered as candidates.
    enum Order {
        /// By their latest successful deployment to these environments, newest first (the deployment strategy).
        case latestSuccess(in: [EnvironmentID])
        /// Newest release first, whose version contains the server-side prefix (the channel strategy).
        case newestRelease(containing: String?)
    }

    /// What the progression decided.
    enum Outcome {
        case found(Found)
        case none
        /// The server has no project progression: the caller pages as before.
        case unsupported
    }

    /// Releases the progression lists (the most Octopus allows).
    static let historyCount = 100
    /// Templates read after the progression at most.
    static let maximumConfirmations = 2

    let engine: PromotionEngine
    let destination: DeploymentEnvironment
    let tenant: TenantID?
    let pattern: VersionPattern
    let channel: ResolvedChild
    /// Whether each candidate that does not match the pattern is logged (the deployment strategy does, §5.13.2).
    let logsMismatches: Bool
    private(set) var templatesRead = 0
    private var rejected: Set<ReleaseID> = []
    /// A template asked for before its release was read (`PromotionEngine.templateAhead`); `consider` uses it for that
    /// release instead of asking again.
    var ahead: TemplateAhead?

    init(engine: PromotionEngine, destination: DeploymentEnvironment, tenant: TenantID?, pattern: VersionPattern, child: ResolvedChild, logsMismatches: Bool) {
        self.engine = engine
        self.destination = destination
        self.tenant = tenant
        self.pattern = pattern
        self.channel = child
        self.logsMismatches = logsMismatches
    }

    /// One candidate: nil when it does not match the pattern or may not go to the destination (1 template request
    /// when it matches).
    mutating func consider(_ release: Release, log: inout ChildLog) async throws -> Found? {
        guard pattern.matches(release.version) else {
            if logsMismatches { log.info("The release \(release.version) does not match \(pattern.text); trying the next one.") }
            return nil
        }
        templatesRead += 1
        let template = try await template(of: release.id)
        guard PromotionEngine.canPromote(template, to: destination.id, tenant: tenant) else {
            rejected.insert(release.id)
            log.info("The release \(release.version) cannot be deployed to \(destination.name) yet; trying the next one.")
            return nil
        }
        if logsMismatches { log.info("The release \(release.version) can be deployed to \(destination.name).") }
        return Found(release: release, snapshotIsStale: template.isVariableSetModified || template.isLibraryVariableSetModified)
    }

    /// The release's deployment template: the one asked for ahead, or 1 request.
    private mutating func template(of release: ReleaseID) async throws -> DeploymentTemplate {
        if let ahead, ahead.release == release {
            self.ahead = nil
            return try ahead.template.get()
        }
        return try await engine.client.deploymentTemplate(release: release)
    }

    /// The rest of the search from the project's progression (1 request): its releases in the channel, in `order`,
    /// then the `extra` candidates it does not list (older ones; those not in `known` are read, 1 request);
    /// untenanted, those the progression says may not go to the destination are passed over without a request; at
    /// most `maximumConfirmations` templates.
    mutating func fromProgression(
        mode: DeploymentMode, order: Order, extra: [ReleaseID], known: [ReleaseID: Release], log: inout ChildLog
    ) async throws -> Outcome {
        let project = channel.project
        let progression: ProjectProgression
        do {
            progression = try await engine.client.projectProgression(project.id, releaseHistoryCount: Self.historyCount)
        } catch let error as OctopusClientError where error.status == 404 || error.status == 405 {
            log.info("The server has no project progression (\(error.status ?? 0)); every candidate's deployment template is read instead.")
            return .unsupported
        }
        let inChannel = progression.releases.filter { $0.release.channelId == channel.channel.id }
        let ordered: [ReleaseProgression] = switch order {
        case .latestSuccess(let sources):
            inChannel.enumerated().compactMap { index, entry -> (Int, Date, ReleaseProgression)? in
                let times = sources.flatMap { entry.deployments[$0.rawValue] ?? [] }.filter { $0.state == .success }
                    .map { $0.created ?? .distantPast }
                return times.max().map { (index, $0, entry) }
            }.sorted { ($0.1, -$0.0) > ($1.1, -$1.0) }.map(\.2)
        case .newestRelease(let prefix):
            inChannel.filter { entry in prefix.map { entry.release.version.localizedCaseInsensitiveContains($0) } ?? true }
        }
        let listed = Set(progression.releases.map(\.release.id))
        let unlisted = extra.filter { !listed.contains($0) }
        var read = known
        let unread = unlisted.filter { read[$0] == nil }
        if !unread.isEmpty {
            for release in try await engine.client.releases(ids: unread).all() { read[release.id] = release }
        }
        let candidates = ordered.map { ($0.release, Optional($0)) } + unlisted.compactMap { read[$0] }.map { ($0, ReleaseProgression?.none) }
        log.info("Looking through the \(progression.releases.count) newest releases of \(project.name) (its progression) for one in channel \(channel.channel.name) that may go to \(destination.name).")

        var confirmations = 0
        for (release, entry) in candidates where !rejected.contains(release.id) {
            if mode == .redeploy {
                log.info("Redeploy mode: \(release.version) is the last successful deployment in channel \(channel.channel.name); using it.")
                return .found(Found(release: release, snapshotIsStale: nil))
            }
            guard pattern.matches(release.version) else { continue }
            // The progression is the server's own answer for untenanted deployments; tenant promotions need the template.
            if tenant == nil, let entry, !entry.nextDeployments.contains(destination.id),
               !(entry.deployments[destination.id.rawValue] ?? []).contains(where: { $0.state == .success }) {
                continue
            }
            guard confirmations < Self.maximumConfirmations else { break }
            confirmations += 1
            if let found = try await consider(release, log: &log) { return .found(found) }
        }
        if progression.releases.count >= Self.historyCount {
            log.info("Releases of \(project.name) older than its \(Self.historyCount) newest were not considered.")
        }
        return .none
    }
}

/// A deployment template asked for ahead of its release, with how the request ended (its error is thrown only if the
/// template is used).
struct TemplateAhead: Sendable {
    let release: ReleaseID
    let template: Result<DeploymentTemplate, any Error>
}

extension PromotionEngine {
    /// The template of `release` (nil: none), asked for now so that it arrives together with another request.
    func templateAhead(of release: ReleaseID?) async -> TemplateAhead? {
        guard let release else { return nil }
        do {
            return TemplateAhead(release: release, template: .success(try await client.deploymentTemplate(release: release)))
        } catch {
            return TemplateAhead(release: release, template: .failure(error))
        }
    }
}
