import Foundation

/// The catalogue file, version 2: UTF-8 lines of tab-separated fields, the record's kind first (`project`,
/// `environment`, …; tabs, newlines and backslashes in names escaped as `\t`, `\n`, `\\`). The releases come last,
/// after an index of where each project's lines are, so a load decodes the small part and a project's releases only
/// when Tab asks for them. (The JSON of version 1 took ~100 ms to decode whole for 2,000 projects.)
enum CatalogueFormat {
    static let version = 2
    /// The first line.
    static let header = "conductor-catalogue\t\(version)"

    /// Why a file is not taken (the next refresh rewrites it).
    enum Unreadable: Error, Equatable {
        /// Another format or version (version 1 was JSON).
        case version
        /// Cut short, or a record that does not read.
        case corrupt(line: Int)
    }

    private enum Tag: String {
        case server, space, project, group, environment, tenant, spaceName, channels, task, intervention, projectID
        case channelName, fetched, releases, end

        /// The part of the catalogue the record belongs to; nil for those every load reads (a partial load leaves
        /// `fetched` out: it only says what to read again).
        var part: CompletionSnapshot.Kind? {
            switch self {
            case .server, .space, .end, .fetched: nil
            case .project, .projectID: .projects
            case .group: .projectGroups
            case .environment: .environments
            case .tenant: .tenants
            case .spaceName: .spaces
            case .channels, .channelName: .channels
            case .task: .tasks
            case .intervention: .interventions
            case .releases: .releases
            }
        }
    }

    // MARK: - Writing

    static func encode(_ snapshot: CompletionSnapshot) -> Data {
        var releases = LineWriter()
        var ranges: [(String, Range<Int>)] = []
        for project in snapshot.releases.projects {
            let start = releases.bytes.count
            for release in snapshot.releases[project] ?? [] {
                releases.line([release.version, release.channel, seconds(release.created)])
            }
            ranges.append((project, start..<releases.bytes.count))
        }
        var file = LineWriter()
        file.bytes.reserveCapacity(releases.bytes.count + 64 * snapshot.projects.count + 4096)
        file.bytes += Array(header.utf8) + [newline]
        file.line(Tag.server, snapshot.server)
        file.line(Tag.space, snapshot.space)
        for project in snapshot.projects { file.line(Tag.project, project.name, project.group) }
        for name in snapshot.projectGroups { file.line(Tag.group, name) }
        for name in snapshot.environments { file.line(Tag.environment, name) }
        for name in snapshot.tenants { file.line(Tag.tenant, name) }
        for name in snapshot.spaces { file.line(Tag.spaceName, name) }
        for (project, names) in snapshot.channels.sorted(by: { $0.key < $1.key }) { file.line([Tag.channels.rawValue, project] + names) }
        for item in snapshot.tasks { file.line(Tag.task, item.id, item.title) }
        for item in snapshot.interventions { file.line(Tag.intervention, item.id, item.title) }
        for (name, id) in snapshot.projectIDs.sorted(by: { $0.key < $1.key }) { file.line(Tag.projectID, name, id) }
        for (id, name) in snapshot.channelNames.sorted(by: { $0.key < $1.key }) { file.line(Tag.channelName, id, name) }
        for (key, date) in snapshot.fetched.sorted(by: { $0.key < $1.key }) { file.line(Tag.fetched, key, seconds(date)) }
        for (project, range) in ranges { file.line(Tag.releases, project, String(range.lowerBound), String(range.count)) }
        file.line(Tag.end, String(releases.bytes.count))
        file.bytes += releases.bytes
        return Data(file.bytes)
    }

    private static func seconds(_ date: Date) -> String { String(date.timeIntervalSince1970) }

    private static let newline = UInt8(ascii: "\n")
    private static let tab = UInt8(ascii: "\t")
    private static let backslash = UInt8(ascii: "\\")

    private struct LineWriter {
        var bytes: [UInt8] = []

        mutating func line(_ tag: Tag, _ fields: String...) { line([tag.rawValue] + fields) }

        mutating func line(_ fields: [String]) {
            for (index, field) in fields.enumerated() {
                if index > 0 { bytes.append(tab) }
                for byte in field.utf8 {
                    switch byte {
                    case tab: bytes += [backslash, UInt8(ascii: "t")]
                    case newline: bytes += [backslash, UInt8(ascii: "n")]
                    case UInt8(ascii: "\r"): bytes += [backslash, UInt8(ascii: "r")]
                    case backslash: bytes += [backslash, backslash]
                    default: bytes.append(byte)
                    }
                }
            }
            bytes.append(newline)
        }
    }

    // MARK: - Reading

    /// Everything but the releases, which stay encoded in a shelf over `data` until asked for. With `only`, just those
    /// parts (and no `fetched` dates): a copy to read from, never to save (`conductor __complete`).
    static func decode(_ data: Data, only parts: Set<CompletionSnapshot.Kind>? = nil) throws(Unreadable) -> CompletionSnapshot {
        let headerBytes = Array(header.utf8) + [newline]
        guard data.count >= headerBytes.count, data.prefix(headerBytes.count).elementsEqual(headerBytes) else { throw .version }
        do {
            return try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) throws(Unreadable) -> CompletionSnapshot in
                try decodeRecords(buffer, from: headerBytes.count, data: data, only: parts)
            }
        } catch let error as Unreadable {
            throw error
        } catch {
            throw .corrupt(line: 0)
        }
    }

    private static func decodeRecords(
        _ buffer: UnsafeRawBufferPointer, from start: Int, data: Data, only parts: Set<CompletionSnapshot.Kind>?
    ) throws(Unreadable) -> CompletionSnapshot {
        var snapshot = CompletionSnapshot(server: "", space: "")
        // The ranked lists are set once, at the end (each change of one makes its folded names anew).
        var projects: [CompletionSnapshot.Project] = [], groups: [String] = [], environments: [String] = [], tenants: [String] = []
        var ranges: [String: Range<Int>] = [:]
        var position = start
        var lineNumber = 1
        while position < buffer.count {
            lineNumber += 1
            guard let end = buffer[position...].firstIndex(of: newline) else { throw .corrupt(line: lineNumber) }
            var fields = Fields(buffer: buffer, position: position, end: end)
            position = end + 1
            guard let tagText = fields.next() else { throw .corrupt(line: lineNumber) }
            // A kind this version does not know is passed over (a later writer may add some).
            guard let tag = Tag(rawValue: tagText) else { continue }
            if let parts, tag == .fetched || tag.part.map({ !parts.contains($0) }) == true { continue }
            let bad = Unreadable.corrupt(line: lineNumber)
            switch tag {
            case .server: snapshot.server = try fields.required(bad)
            case .space: snapshot.space = try fields.required(bad)
            case .project: projects.append(CompletionSnapshot.Project(name: try fields.required(bad), group: try fields.required(bad)))
            case .group: groups.append(try fields.required(bad))
            case .environment: environments.append(try fields.required(bad))
            case .tenant: tenants.append(try fields.required(bad))
            case .spaceName: snapshot.spaces.append(try fields.required(bad))
            case .channels:
                let project = try fields.required(bad)
                var names: [String] = []
                while let name = fields.next() { names.append(name) }
                snapshot.channels[project] = names
            case .task: snapshot.tasks.append(CompletionSnapshot.Item(id: try fields.required(bad), title: try fields.required(bad)))
            case .intervention: snapshot.interventions.append(CompletionSnapshot.Item(id: try fields.required(bad), title: try fields.required(bad)))
            case .projectID: snapshot.projectIDs[try fields.required(bad)] = try fields.required(bad)
            case .channelName: snapshot.channelNames[try fields.required(bad)] = try fields.required(bad)
            case .fetched:
                let key = try fields.required(bad)
                guard let seconds = Double(try fields.required(bad)) else { throw bad }
                snapshot.fetched[key] = Date(timeIntervalSince1970: seconds)
            case .releases:
                let project = try fields.required(bad)
                guard let offset = Int(try fields.required(bad)), let count = Int(try fields.required(bad)), offset >= 0, count >= 0 else { throw bad }
                ranges[project] = offset..<(offset + count)
            case .end:
                // What follows is the releases' lines, exactly as long as said: a shorter file was cut.
                guard let count = Int(try fields.required(bad)), count == buffer.count - position else { throw bad }
                guard ranges.values.allSatisfy({ $0.upperBound <= count }) else { throw bad }
                let releases = data[(data.startIndex + position)...]
                snapshot.releases = CompletionSnapshot.Releases(shelf: .init(bytes: releases, ranges: ranges))
                (snapshot.projects, snapshot.projectGroups, snapshot.environments, snapshot.tenants) = (projects, groups, environments, tenants)
                return snapshot
            }
        }
        throw .corrupt(line: lineNumber)
    }

    /// The releases of one project's lines; a line that does not read is passed over.
    static func releases(in bytes: Data) -> [CompletionSnapshot.Release] {
        bytes.withUnsafeBytes { buffer in
            var list: [CompletionSnapshot.Release] = []
            var position = 0
            while position < buffer.count {
                let end = buffer[position...].firstIndex(of: newline) ?? buffer.count
                var fields = Fields(buffer: buffer, position: position, end: end)
                position = end + 1
                guard let version = fields.next(), let channel = fields.next(), let seconds = fields.next().flatMap(Double.init) else { continue }
                list.append(CompletionSnapshot.Release(version: version, channel: channel, created: Date(timeIntervalSince1970: seconds)))
            }
            return list
        }
    }

    /// The fields of one line, unescaped, in order.
    private struct Fields {
        let buffer: UnsafeRawBufferPointer
        var position: Int
        let end: Int
        var done = false

        init(buffer: UnsafeRawBufferPointer, position: Int, end: Int) {
            self.buffer = buffer
            self.position = position
            self.end = end
        }

        mutating func next() -> String? {
            guard !done else { return nil }
            var stop = position
            var escaped = false
            while stop < end, buffer[stop] != tab {
                if buffer[stop] == backslash { escaped = true }
                stop += 1
            }
            let field = UnsafeRawBufferPointer(rebasing: buffer[position..<stop])
            done = stop >= end
            position = stop + 1
            return escaped ? Self.unescaped(field) : String(decoding: field, as: UTF8.self)
        }

        mutating func required(_ error: Unreadable) throws(Unreadable) -> String {
            guard let field = next() else { throw error }
            return field
        }

        private static func unescaped(_ field: UnsafeRawBufferPointer) -> String {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(field.count)
            var iterator = field.makeIterator()
            while let byte = iterator.next() {
                guard byte == backslash, let code = iterator.next() else {
                    bytes.append(byte)
                    continue
                }
                switch code {
                case UInt8(ascii: "t"): bytes.append(tab)
                case UInt8(ascii: "n"): bytes.append(newline)
                case UInt8(ascii: "r"): bytes.append(UInt8(ascii: "\r"))
                default: bytes.append(code)
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
