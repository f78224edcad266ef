import Foundation
import OctopusClient
import OctopusModel
import Testing

/// Paging over a scripted server: `Page.Next` is followed to the end, a missing link falls back
/// to `skip` when `TotalResults` announces more, and a first-match search stops early.
@Suite struct PagingTests {
    struct Thing: Codable, Sendable, Equatable {
        var id: String
        enum CodingKeys: String, CodingKey { case id = "Id" }
    }

    /// A collection of `total` things served `take` at a time; `links` decides whether pages carry `Page.Next`.
    static func server(total: Int, links: Bool) -> RecordingTransport {
        RecordingTransport { request, _ in
            let query = URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems ?? []
            let skip = Int(query.first { $0.name == "skip" }?.value ?? "0") ?? 0
            let take = Int(query.first { $0.name == "take" }?.value ?? "30") ?? 30
            let items = (skip..<min(total, skip + take)).map { "{\"Id\":\"Things-\($0 + 1)\"}" }
            var pageLinks = "\"Self\":\"/api/Spaces-1/things\""
            if links, skip + take < total {
                pageLinks += ",\"Page.Next\":\"/api/Spaces-1/things?skip=\(skip + take)&take=\(take)\""
            }
            return .json("""
            {"ItemType":"Thing","TotalResults":\(total),"ItemsPerPage":\(take),"NumberOfPages":\((total + take - 1) / take),
             "LastPageNumber":\(max(0, (total + take - 1) / take - 1)),"Items":[\(items.joined(separator: ","))],"Links":{\(pageLinks)}}
            """)
        }
    }

    static let path = APIPath(["Spaces-1", "things"])

    @Test(arguments: [true, false])
    func allReadsEveryPage(links: Bool) async throws {
        let transport = Self.server(total: 7, links: links)
        let client = try makeClient(transport, SleepRecorder())
        let things = try await Paged<Thing>(client: client, path: Self.path, pageSize: 3).all()
        #expect(things.map(\.id) == (1...7).map { "Things-\($0)" })
        let queries = await transport.requests.map { $0.url.query ?? "" }
        #expect(queries == ["skip=0&take=3", "skip=3&take=3", "skip=6&take=3"])
    }

    @Test func aLargeCollectionIsNeverCapped() async throws {
        let transport = Self.server(total: 250, links: true)
        let things = try await Paged<Thing>(client: try makeClient(transport, SleepRecorder()), path: Self.path).all()
        #expect(things.count == 250)
        #expect(await transport.requests.count == 3)
    }

    @Test func firstMatchStopsAtItsPage() async throws {
        let transport = Self.server(total: 50, links: true)
        let found = try await Paged<Thing>(client: try makeClient(transport, SleepRecorder()), path: Self.path, pageSize: 10)
            .first { $0.id == "Things-14" }
        #expect(found?.id == "Things-14")
        #expect(await transport.requests.count == 2)
    }

    @Test func prefixReadsOnlyWhatItNeeds() async throws {
        let transport = Self.server(total: 50, links: true)
        let things = try await Paged<Thing>(client: try makeClient(transport, SleepRecorder()), path: Self.path, pageSize: 4).prefix(6)
        #expect(things.count == 6)
        #expect(await transport.requests.count == 2)
    }

    @Test func anEmptyCollectionIsOneRequest() async throws {
        let transport = Self.server(total: 0, links: true)
        let things = try await Paged<Thing>(client: try makeClient(transport, SleepRecorder()), path: Self.path).all()
        #expect(things.isEmpty)
        #expect(await transport.requests.count == 1)
    }

    @Test func requestsCarryTheKeyInAHeaderOnly() async throws {
        let transport = Self.server(total: 1, links: true)
        _ = try await Paged<Thing>(client: try makeClient(transport, SleepRecorder()), path: Self.path).all()
        let request = try #require(await transport.requests.first)
        #expect(request.header("X-Octopus-ApiKey") == "API-SECRETKEY123456")
        #expect(request.header("User-Agent")?.hasPrefix("conductor/") == true)
        #expect(request.header("Accept") == "application/json")
        #expect(!request.url.absoluteString.contains("SECRETKEY"))
        #expect(request.url.absoluteString == "http://octopus.invalid/api/Spaces-1/things?skip=0&take=100")
    }
}
