import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `conductor sandbox serve` running as a child process, with the URL and keys it printed.
final class RunningSandbox: @unchecked Sendable {
    /// Base URL without `/api`, e.g. `http://127.0.0.1:53211`.
    let baseURL: URL
    /// The seeded API keys it printed, first one first.
    let apiKeys: [String]
    private let process: Process
    private let printed: CollectedOutput

    private init(process: Process, baseURL: URL, apiKeys: [String], printed: CollectedOutput) {
        self.process = process
        self.baseURL = baseURL
        self.apiKeys = apiKeys
        self.printed = printed
    }

    /// What it printed so far (standard output and error together).
    var output: String { printed.text(isError: false) }

    /// Starts `conductor sandbox serve --memory --port 0 extra…` and waits (polling, at most
    /// `timeout` seconds) until it has printed its URL and at least one API key.
    static func start(_ binary: ConductorBinary, extra: [String] = [], timeout: Duration = .seconds(60)) async throws -> RunningSandbox {
        let process = Process()
        process.executableURL = binary.url
        process.arguments = ["sandbox", "serve", "--memory", "--port", "0"] + extra
        process.standardInput = FileHandle.nullDevice
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let printed = CollectedOutput()
        let reader = pipe.fileHandleForReading
        Thread.detachNewThread {
            while true {
                let data = reader.availableData
                if data.isEmpty { break }
                printed.store(data, isError: false)
            }
        }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        // One look after the deadline too: a test resumed late (a starved pool) still sees what was printed.
        var lastLook = false
        while !lastLook {
            lastLook = clock.now >= deadline
            let text = printed.text(isError: false)
            if let url = matches(of: #"https?://(127\.0\.0\.1|localhost|\[::1\]):[0-9]+"#, in: text).first,
               case let keys = matches(of: #"API-[A-Z0-9]{16,}"#, in: text), !keys.isEmpty,
               let baseURL = URL(string: url) {
                try await Task.sleep(for: .milliseconds(200))  // let the remaining key lines arrive
                let allKeys = matches(of: #"API-[A-Z0-9]{16,}"#, in: printed.text(isError: false))
                return RunningSandbox(process: process, baseURL: baseURL, apiKeys: allKeys, printed: printed)
            }
            if !process.isRunning { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        if process.isRunning { process.terminate() }
        throw EndToEndError.sandboxDidNotStart(output: printed.text(isError: false))
    }

    /// GET `path` (e.g. `/api`); returns the status and body.
    func get(_ path: String, apiKey: String?, query: String? = nil) async throws -> (status: Int, body: Data) {
        var components = URLComponents(url: baseURL.appendingPathComponent(path), resolvingAgainstBaseURL: false)
        components?.percentEncodedQuery = query
        guard let url = components?.url else { throw EndToEndError.badResponse(path: path) }
        var request = URLRequest(url: url)
        if let apiKey { request.setValue(apiKey, forHTTPHeaderField: "X-Octopus-ApiKey") }
        let (data, response) = try await URLSession.shared.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw EndToEndError.badResponse(path: path) }
        return (http.statusCode, data)
    }

    /// DELETE `path` (e.g. `/api/sandbox/stats`, which resets the counts); returns the status.
    func delete(_ path: String, apiKey: String?) async throws -> Int {
        var request = URLRequest(url: baseURL.appendingPathComponent(path))
        request.httpMethod = "DELETE"
        if let apiKey { request.setValue(apiKey, forHTTPHeaderField: "X-Octopus-ApiKey") }
        let (_, response) = try await URLSession.shared.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw EndToEndError.badResponse(path: path) }
        return http.statusCode
    }

    /// Stops the process (SIGTERM) and waits for it to exit.
    func stop() -> Int32 {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Whether the process is still running.
    var isRunning: Bool { process.isRunning }

    private static func matches(of pattern: String, in text: String) -> [String] {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        var seen: [String] = []
        for match in expression.matches(in: text, range: range) {
            if let found = Range(match.range, in: text), !seen.contains(String(text[found])) {
                seen.append(String(text[found]))
            }
        }
        return seen
    }
}
