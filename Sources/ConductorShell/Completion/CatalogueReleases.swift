import Foundation
import Synchronization

extension CompletionSnapshot {
    /// Releases by project name, newest first. Those the disk copy holds stay encoded until Tab asks for a project's
    /// (a catalogue of 20,000 releases loads without decoding one); those read from the server, or assigned, are in
    /// memory and take precedence.
    public struct Releases: Sendable, Equatable, ExpressibleByDictionaryLiteral {
        /// Lists read or assigned since the disk copy was loaded.
        private var assigned: [String: [Release]] = [:]
        /// Projects whose disk list was removed.
        private var removed: Set<String> = []
        /// The disk copy's lists, decoded on first use.
        private var shelf: Shelf?

        public init() {}

        public init(dictionaryLiteral elements: (String, [Release])...) {
            assigned = Dictionary(elements, uniquingKeysWith: { _, last in last })
        }

        init(shelf: Shelf) {
            self.shelf = shelf
        }

        /// The project's releases, newest first; nil when the catalogue has none for it.
        public subscript(project: String) -> [Release]? {
            get {
                if let list = assigned[project] { return list }
                if removed.contains(project) { return nil }
                return shelf?.releases(of: project)
            }
            set {
                assigned[project] = newValue
                if newValue == nil, shelf?.holds(project) == true { removed.insert(project) } else { removed.remove(project) }
            }
        }

        /// The projects that have a list, sorted.
        public var projects: [String] {
            var names = Set(assigned.keys)
            if let shelf { names.formUnion(shelf.projects.filter { !removed.contains($0) }) }
            return names.sorted()
        }

        /// Whether the project's list is still encoded (read from disk, not asked for yet): for tests.
        func isEncoded(_ project: String) -> Bool {
            assigned[project] == nil && !removed.contains(project) && shelf?.isEncoded(project) == true
        }

        public static func == (a: Releases, b: Releases) -> Bool {
            let names = a.projects
            return names == b.projects && names.allSatisfy { a[$0] == b[$0] }
        }
    }
}

extension CompletionSnapshot.Releases {
    /// The encoded release lines of a disk copy and where each project's start: decoded per project on first use,
    /// then kept. Immutable but for that memo, so snapshots that share it stay values.
    final class Shelf: Sendable {
        private let bytes: Data
        private let ranges: [String: Range<Int>]
        private let decoded = Mutex<[String: [CompletionSnapshot.Release]]>([:])

        /// `ranges` are offsets into `bytes` (which may be a slice).
        init(bytes: Data, ranges: [String: Range<Int>]) {
            self.bytes = bytes
            self.ranges = ranges
        }

        var projects: Dictionary<String, Range<Int>>.Keys { ranges.keys }

        func holds(_ project: String) -> Bool { ranges[project] != nil }

        func isEncoded(_ project: String) -> Bool {
            ranges[project] != nil && decoded.withLock { $0[project] == nil }
        }

        /// The project's list; a line that does not decode ends it (the file was checked whole when loaded).
        func releases(of project: String) -> [CompletionSnapshot.Release]? {
            guard let range = ranges[project] else { return nil }
            if let list = decoded.withLock({ $0[project] }) { return list }
            let start = bytes.startIndex
            let list = CatalogueFormat.releases(in: bytes[(start + range.lowerBound)..<(start + range.upperBound)])
            decoded.withLock { $0[project] = list }
            return list
        }
    }
}
