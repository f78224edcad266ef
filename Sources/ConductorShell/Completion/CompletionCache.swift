import Foundation
import LineEditor
import OctopusClient
import Synchronization

/// The catalogue Tab reads: a snapshot behind a mutex (a synchronous read on the editor thread) and the session facts
/// the loop publishes. Refreshes are requests merged into one waiting request that one worker (`serve()`, a child task
/// of the shell's loop) takes when woken; while it runs the old snapshot keeps answering.
public final class CompletionCache: Sendable {
    /// Where a refresh reads from: the session's client and what names its catalogue.
    public struct Source: Sendable {
        public var client: OctopusClient
        public var server: String
        public var space: String
        public init(client: OctopusClient, server: String, space: String) {
            self.client = client
            self.server = server
            self.space = space
        }
    }

    /// What a refresh brings up to date.
    public struct Request: Sendable {
        public var source: Source
        public var kinds: Set<CompletionSnapshot.Kind>
        public var releasesOf: [String]
    }

    /// Entries older than this are read again after the next command.
    public static let timeToLive: TimeInterval = 300
    /// After a failed refresh, no new attempt before this long.
    public static let retryInterval: TimeInterval = 30

    private struct State {
        var snapshot = CompletionSnapshot.empty
        var context = CompletionContext()
        var lastFailure: Date?
        var refreshes = 0
        var pending: Request?
        var source: Source?
    }

    private let state = Mutex(State())
    private let wakeUps: AsyncStream<Void>
    private let wakeUp: AsyncStream<Void>.Continuation
    /// The disk copy.
    public let store: CatalogueStore
    /// The completer.
    public let completer: Completer
    private let now: @Sendable () -> Date

    public init(store: CatalogueStore, completer: Completer = Completer(), now: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.completer = completer
        self.now = now
        (wakeUps, wakeUp) = AsyncStream.makeStream(of: Void.self)
    }

    // MARK: - Tab (synchronous, never the network)

    /// The current snapshot.
    public var snapshot: CompletionSnapshot { state.withLock { $0.snapshot } }
    /// The current session facts.
    public var context: CompletionContext { state.withLock { $0.context } }
    /// Completed refreshes, for tests and `refresh`.
    public var refreshCount: Int { state.withLock { $0.refreshes } }

    /// Completes `lineBeforeCursor` from memory; asks the worker for releases of a project it has none of.
    public func complete(_ lineBeforeCursor: String) -> CompletionResult {
        let (snapshot, context) = state.withLock { ($0.snapshot, $0.context) }
        return completer.complete(lineBeforeCursor, snapshot: snapshot, context: context)
    }

    /// The line editor's completion function. Releases of a project the catalogue has none of are asked for
    /// (on the worker); this Tab answers with what there is.
    public var source: CompletionSource {
        { [self] line in
            let (snapshot, context, source) = state.withLock { ($0.snapshot, $0.context, $0.source) }
            let result = completer.complete(line, snapshot: snapshot, context: context)
            if !result.wantsReleasesOf.isEmpty, let source {
                enqueue(Request(source: source, kinds: [], releasesOf: result.wantsReleasesOf))
            }
            return completer.proposal(line, result: result)
        }
    }

    /// Where on-demand refreshes read from (the session's connection).
    func setSource(_ source: Source) {
        state.withLock { $0.source = source }
    }

    // MARK: - The loop's side

    /// Takes the disk copy of `server`/`space` when the memory holds another catalogue.
    public func load(server: String, space: String) {
        let current = state.withLock { $0.snapshot }
        guard current.server != server || current.space.caseInsensitiveCompare(space) != .orderedSame else { return }
        let loaded = store.load(server: server, space: space) ?? CompletionSnapshot(server: server, space: space)
        state.withLock { $0.snapshot = loaded }
    }

    /// Puts `snapshot` in memory (tests).
    func replace(_ snapshot: CompletionSnapshot) {
        state.withLock { $0.snapshot = snapshot }
    }

    /// The request waiting for the worker.
    var pending: Request? { state.withLock { $0.pending } }

    /// Publishes the session facts.
    public func publish(_ context: CompletionContext) {
        state.withLock { $0.context = context }
    }

    /// What needs reading after a command that invalidated `scope` (and whatever the TTL expired); nil for nothing.
    public func request(after scope: CacheScope, source: Source, applicationProjects: [String]) -> Request? {
        let at = now()
        return state.withLock { state -> Request? in
            if let failure = state.lastFailure, at.timeIntervalSince(failure) < Self.retryInterval, !scope.contains(.connection) { return nil }
            let snapshot = state.snapshot
            func stale(_ key: String) -> Bool {
                guard let fetched = snapshot.fetched[key] else { return true }
                return at.timeIntervalSince(fetched) > Self.timeToLive
            }
            var kinds = Set(CompletionSnapshot.Kind.allCases.filter { stale($0.rawValue) })
            var releases = applicationProjects.filter { stale(CompletionSnapshot.projectKey($0)) }
            if scope.contains(.connection) {
                kinds = Set(CompletionSnapshot.Kind.allCases)
                releases = applicationProjects
            }
            if scope.contains(.deployments) { releases = applicationProjects; kinds.formUnion([.releases, .tasks]) }
            if scope.contains(.tasks) { kinds.formUnion([.tasks, .interventions]) }
            if kinds.isEmpty && releases.isEmpty { return nil }
            return Request(source: source, kinds: kinds, releasesOf: releases)
        }
    }

    /// Queues a refresh for the worker, merged into one already waiting for the same catalogue; returns at once.
    public func enqueue(_ request: Request) {
        state.withLock { state in
            if var pending = state.pending, pending.source.server == request.source.server, pending.source.space == request.source.space {
                pending.kinds.formUnion(request.kinds)
                pending.releasesOf = Array(Set(pending.releasesOf).union(request.releasesOf)).sorted()
                pending.source = request.source
                state.pending = pending
            } else {
                state.pending = request
            }
        }
        wakeUp.yield()
    }

    /// Ends the worker.
    public func finish() {
        wakeUp.finish()
    }

    /// The worker: takes the waiting (merged) request each time it is woken, until `finish()` or cancellation.
    public func serve() async {
        for await _ in wakeUps {
            guard let request = state.withLock({ state -> Request? in
                defer { state.pending = nil }
                return state.pending
            }) else { continue }
            await perform(request)
            if Task.isCancelled { return }
        }
    }

    /// Runs one refresh now (the `refresh` command, and the worker): reads, swaps the snapshot in, writes the disk copy.
    @discardableResult
    public func perform(_ request: Request) async -> Bool {
        var snapshot = state.withLock { $0.snapshot }
        // The loop loaded the request's catalogue when it queued it; another one in memory means the session moved on.
        guard snapshot.server == request.source.server, snapshot.space.caseInsensitiveCompare(request.source.space) == .orderedSame else { return false }
        let fetcher = CatalogueFetcher(client: request.source.client)
        let at = now()
        do {
            if !request.kinds.isEmpty { try await fetcher.fetch(request.kinds, into: &snapshot, at: at) }
            // Projects the space-wide listing just read in whole need no request of their own.
            let releasesOf = request.releasesOf.filter { snapshot.fetched[CompletionSnapshot.projectKey($0)] != at }
            if !releasesOf.isEmpty { try await fetcher.fetchReleases(of: releasesOf, into: &snapshot, at: at) }
        } catch {
            state.withLock { $0.lastFailure = at }
            return false
        }
        let stored = snapshot
        let swapped = state.withLock { state -> Bool in
            // A `use space` that happened meanwhile wins: never put another space's names back.
            guard state.snapshot.server == stored.server, state.snapshot.space == stored.space else { return false }
            state.snapshot = stored
            state.lastFailure = nil
            state.refreshes += 1
            return true
        }
        if swapped { try? store.save(stored) }
        return swapped
    }
}
