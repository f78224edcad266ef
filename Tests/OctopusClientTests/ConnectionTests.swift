import Foundation
import OctopusClient
import Testing

/// Connection settings: server URL forms, the API key's redaction, space selectors, paths.
@Suite struct ConnectionTests {
    @Test(arguments: [
        ("https://octopus.example.com", "https://octopus.example.com"),
        ("https://octopus.example.com/", "https://octopus.example.com"),
        ("https://octopus.example.com/api", "https://octopus.example.com"),
        ("https://octopus.example.com/api/", "https://octopus.example.com"),
        ("http://127.0.0.1:8065/octopus/api", "http://127.0.0.1:8065/octopus"),
        ("  http://localhost:8080  ", "http://localhost:8080"),
    ])
    func normalisesServerURL(input: String, root: String) throws {
        let connection = try OctopusConnection(server: input, apiKey: APIKey("API-X"))
        #expect(connection.serverRoot.absoluteString == root)
    }

    @Test(arguments: ["octopus.example.com", "ftp://host", "", "https://", "http://host/api?x=1"])
    func rejectsUnusableServerURL(input: String) {
        #expect(throws: OctopusClientError.invalidServerURL(input)) {
            try OctopusConnection(server: input, apiKey: APIKey("API-X"))
        }
    }

    @Test func invalidServerURLMessageQuotesInputAndOffersFix() {
        #expect(OctopusClientError.invalidServerURL("octopus").description
            == "Invalid server URL 'octopus'. Use an absolute http or https URL such as 'https://octopus.example.com' (a trailing '/api' is optional).")
    }

    @Test func apiKeyNeverPrints() {
        let key = APIKey("API-ABCDEFGHIJ1234")
        #expect(key.description == "API-****1234")
        #expect("\(key)" == "API-****1234")
        #expect(String(reflecting: key) == "API-****1234")
        var dumped = ""
        dump(key, to: &dumped)
        #expect(!dumped.contains("ABCDEFGHIJ"))
        #expect(key.revealed == "API-ABCDEFGHIJ1234")
        #expect(APIKey("API-ABC").description == "API-****")
    }

    @Test(arguments: [("API-ABC123", true), ("API-", false), ("abc", false), ("API-AB C", false)])
    func recognisesWellFormedKeys(text: String, wellFormed: Bool) {
        #expect(APIKey(text).isWellFormed == wellFormed)
    }

    @Test(arguments: [
        (Optional<String>.none, SpaceSelector.default), ("", .default), ("Spaces-12", .id("Spaces-12")),
        ("spaces-3", .id("spaces-3")), ("Team Blue", .name("Team Blue")),
    ])
    func readsSpaceSelector(text: String?, selector: SpaceSelector) {
        #expect(SpaceSelector(text) == selector)
    }

    @Test func pathsEncodeSegmentsAndQuery() {
        let path = APIPath(["Spaces-1", "projects", "Projects-1", "releases", "1.0.0+meta data"],
                           query: [.init("ids", "a,b"), .init("partialName", "Web API&x")])
        #expect(path.pathAndQuery == "/api/Spaces-1/projects/Projects-1/releases/1.0.0%2Bmeta%20data?ids=a,b&partialName=Web%20API%26x")
    }

    @Test func linksDropTemplatesAndKeepQuery() throws {
        let next = try #require(APIPath(link: "/api/Spaces-1/environments?skip=10&take=10"))
        #expect(next.pathAndQuery == "/api/Spaces-1/environments?skip=10&take=10")
        let template = try #require(APIPath(link: "/api/Spaces-1/projects/Projects-1/releases{/version}{?skip,take}"))
        #expect(template.pathAndQuery == "/api/Spaces-1/projects/Projects-1/releases")
        let virtualDirectory = try #require(APIPath(link: "/octopus/api/tasks?skip=30"))
        #expect(virtualDirectory.pathAndQuery == "/api/tasks?skip=30")
    }

    @Test func pathDescriptionDropsAPIKeyParameter() {
        let path = APIPath(["projects"], query: [.init("apikey", "API-SECRET"), .init("take", "1"), .init("ApiKey", "API-SECRET")])
        #expect(path.description == "/api/projects?take=1")
    }
}
