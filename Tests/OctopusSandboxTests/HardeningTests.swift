import Foundation
import OctopusModel
@testable import OctopusSandbox
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Issue 7 rows 13 and 15: oversized and malformed bodies are 413/400 (never a 500 with internal text), silent
/// connections are closed, cross-site browser requests are refused, `/api/sandbox/*` needs a key, artifact names are
/// quoted properly, and the fault seed is the caller's.
@Suite struct HardeningTests {
    /// Sends raw bytes over one TCP connection and returns what came back before the server closed it or
    /// `wait` passed (and whether it closed). The exchange blocks, so it runs off the cooperative pool, where the
    /// in-process sandbox's handlers run.
    static func raw(_ port: Int, _ bytes: [UInt8], wait: Int = 5) async throws -> (text: String, closed: Bool) {
        try await offThePool { exchange(port, bytes, wait: wait) }
    }

    private static func exchange(_ port: Int, _ bytes: [UInt8], wait: Int) -> (text: String, closed: Bool) {
        #if os(Linux)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        let noSignal = Int32(MSG_NOSIGNAL)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        let noSignal: Int32 = 0
        #endif
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return ("", false) }
        var timeout = timeval()
        timeout.tv_sec = wait
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, noSignal) }
            if sent <= 0 { break }
            offset += sent
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count == 0 { return (String(decoding: received, as: UTF8.self), true) }
            if count < 0 { return (String(decoding: received, as: UTF8.self), false) }
            received += buffer[0..<count]
        }
    }

    static func request(_ head: String, body: [UInt8] = []) -> [UInt8] {
        Array(head.replacingOccurrences(of: "\n", with: "\r\n").utf8) + body
    }

    @Test func anOversizedBodyIs413() async throws {
        try await withSampleSandbox { (http: SandboxHTTP) async throws in
            let size = JSONRequestBody.maximumSize + 1024
            let head = "POST /api/Spaces-1/deployments HTTP/1.1\nHost: 127.0.0.1\nX-Octopus-ApiKey: \(SampleSeed.releaseConductorAPIKey)\nContent-Type: application/json\nContent-Length: \(size)\nConnection: close\n\n"
            let reply = try await Self.raw(http.server.port, Self.request(head, body: [UInt8](repeating: 0x20, count: size)), wait: 20)
            #expect(reply.text.hasPrefix("HTTP/1.1 413"), "\(reply.text.prefix(300))")
            #expect(!reply.text.contains("NIOTooManyBytesError"))
            // Closed in order (the rest of the body read first), not reset: a reset can drop the 413 unread.
            #expect(reply.closed)
        }
    }

    @Test func malformedChunkedEncodingIs400() async throws {
        try await withSampleSandbox { (http: SandboxHTTP) async throws in
            let head = "POST /api/Spaces-1/deployments HTTP/1.1\nHost: 127.0.0.1\nX-Octopus-ApiKey: \(SampleSeed.releaseConductorAPIKey)\nContent-Type: application/json\nTransfer-Encoding: chunked\nConnection: close\n\nZZZ\nnot a chunk\n\n"
            let reply = try await Self.raw(http.server.port, Self.request(head))
            #expect(!reply.text.hasPrefix("HTTP/1.1 500"), "\(reply.text.prefix(300))")
            #expect(reply.text.isEmpty || reply.text.hasPrefix("HTTP/1.1 400"), "\(reply.text.prefix(300))")
        }
    }

    @Test func aSilentPartialRequestIsClosed() async throws {
        var configuration = SandboxConfiguration(port: 0, storage: .memory, seed: .empty, clock: VirtualClock())
        configuration.idleTimeout = .seconds(1)
        try await SandboxServer.withRunning(configuration) { server in
            let started = ContinuousClock.now
            let reply = try await Self.raw(server.port, Self.request("GET /api HTTP/1.1\nHost: 127.0.0.1\n"), wait: 10)
            #expect(reply.closed)
            #expect(ContinuousClock.now - started < .seconds(8))
        }
    }

    @Test(arguments: [
        ["Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"],
        ["Origin": "https://evil.example"],
        ["Sec-Fetch-Site": "cross-site"],
        ["Origin": "null"],
    ])
    func crossSiteRequestsAreRefusedEvenWithAKeyInTheURL(headers: [String: String]) async throws {
        try await withSampleSandbox { (http: SandboxHTTP) async throws in
            let path = "/api/Spaces-1/deployments?apikey=\(SampleSeed.releaseConductorAPIKey)"
            let body = Data(#"{"ReleaseId": "Releases-1", "EnvironmentId": "Environments-1"}"#.utf8)
            let before = try await http.get("/api/Spaces-1/deployments?take=1").object["TotalResults"] as? Int
            let reply = try await http.send("POST", path, body: body, headers: headers.merging(["Content-Type": "text/plain"]) { $1 }, apiKey: .some(nil))
            #expect(reply.status == 403)
            #expect(reply.error?.errorMessage == "Cross-site requests are refused.")
            #expect(try await http.get("/api/Spaces-1/deployments?take=1").object["TotalResults"] as? Int == before)
        }
    }

    @Test func sameOriginAndNonBrowserRequestsStillWork() async throws {
        try await withSampleSandbox { (http: SandboxHTTP) async throws in
            let host = "127.0.0.1:\(http.server.port)"
            #expect(try await http.send("GET", "/api/Spaces-1/projects", headers: ["Origin": "http://\(host)", "Sec-Fetch-Site": "same-origin"]).status == 200)
            #expect(try await http.get("/api/Spaces-1/projects").status == 200)
        }
    }

    @Test func sandboxControlRoutesNeedAKey() async throws {
        try await withSampleSandbox { (http: SandboxHTTP) async throws in
            #expect(try await http.get("/api/sandbox/stats", apiKey: .some(nil)).status == 401)
            #expect(try await http.send("POST", "/api/sandbox/failures", body: Data(#"{"Step": "x"}"#.utf8), apiKey: .some(nil)).status == 401)
            #expect(try await http.get("/api/sandbox/stats").status == 200)
            #expect(try await http.get("/api", apiKey: .some(nil)).status == 200)
        }
    }

    @Test(arguments: [
        ("notes.txt", #"attachment; filename="notes.txt"; filename*=UTF-8''notes.txt"#),
        (#"a"; evil=1.txt"#, #"attachment; filename="a\"; evil=1.txt"; filename*=UTF-8''a%22%3B%20evil%3D1.txt"#),
        ("back\\slash\r\nX: y", #"attachment; filename="back\\slashX: y"; filename*=UTF-8''back%5Cslash%0D%0AX%3A%20y"#),
        ("Grüße.txt", #"attachment; filename="Gr__e.txt"; filename*=UTF-8''Gr%C3%BC%C3%9Fe.txt"#),
    ])
    func contentDispositionQuotesAnyName(name: String, header: String) {
        #expect(ContentDisposition.attachment(filename: name) == header)
    }

    @Test func faultInjectionFollowsItsOwnSeed() {
        var first = SandboxConfiguration(failRate: 0.5, randomSeed: 42)
        first.faultSeed = 1
        var second = first
        second.faultSeed = 2
        let one = FaultInjector(first), two = FaultInjector(second), again = FaultInjector(first)
        let a = (0..<64).map { _ in one.next().fault }
        let b = (0..<64).map { _ in two.next().fault }
        #expect(a != b)
        #expect((0..<64).map { _ in again.next().fault } == a)
    }
}
