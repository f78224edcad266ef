import Foundation
import Synchronization

/// The built `conductor` executable, run as a child process the way a user runs it.
struct ConductorBinary: Sendable {
    /// The executable's location.
    let url: URL

    /// `$CONDUCTOR_BIN` when set, else `conductor` beside the test bundle in the build folder
    /// (`swift test` builds every product of the package before it runs the tests).
    static func located() throws -> ConductorBinary {
        let environment = ProcessInfo.processInfo.environment
        var candidates: [URL] = []
        if let explicit = environment["CONDUCTOR_BIN"], !explicit.isEmpty {
            candidates.append(URL(fileURLWithPath: explicit))
        }
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        // On Linux the runner is `<bin>/ConductorPackageTests.xctest`; on macOS it sits deeper
        // inside the bundle, so walk up a few folders.
        for _ in 0..<4 {
            candidates.append(folder.appendingPathComponent("conductor"))
            folder = folder.deletingLastPathComponent()
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("conductor"))
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return ConductorBinary(url: candidate)
        }
        throw EndToEndError.binaryNotFound(tried: candidates.map(\.path))
    }

    /// Runs `conductor arguments…` to completion with no standard input (or `input` piped in), optionally with
    /// its own environment and working directory.
    func run(_ arguments: [String], environment: [String: String]? = nil, directory: URL? = nil, input: String? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = directory }
        let inputPipe = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        if let input {
            inputPipe.fileHandleForWriting.write(Data(input.utf8))
            try inputPipe.fileHandleForWriting.close()
        }
        // Read both pipes before waiting so a chatty child never blocks on a full pipe.
        let collected = CollectedOutput()
        let group = DispatchGroup()
        for (pipe, isError) in [(output, false), (errors, true)] {
            group.enter()
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                collected.store(data, isError: isError)
                group.leave()
            }
        }
        group.wait()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, standardOutput: collected.text(isError: false),
                       standardError: collected.text(isError: true))
    }

    /// What a finished run produced.
    struct Outcome: Sendable {
        let status: Int32
        let standardOutput: String
        let standardError: String
    }
}

/// Output gathered from two reader threads.
final class CollectedOutput: Sendable {
    private let streams = Mutex<(output: Data, errors: Data)>((Data(), Data()))

    func store(_ data: Data, isError: Bool) {
        streams.withLock { streams in
            if isError { streams.errors.append(data) } else { streams.output.append(data) }
        }
    }

    func text(isError: Bool) -> String {
        streams.withLock { String(decoding: isError ? $0.errors : $0.output, as: UTF8.self) }
    }
}
