import Foundation
import OctopusModel
import Testing

/// `OctopusJSON.encode` (the direct writer) against `OctopusJSON.makeEncoder()` (Foundation's `JSONEncoder`): the same
/// JSON for every model and value. Arrays keep their order in both, so scalars are compared byte for byte; objects are
/// compared as parsed values (`JSONEncoder`'s key order changes from one call to the next).
@Suite("JSON writer")
struct JSONWriterTests {
    static func foundation(_ value: some Encodable) throws -> Data {
        try OctopusJSON.makeEncoder().encode(value)
    }

    static func parsed(_ data: Data) throws -> NSObject {
        try #require(try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? NSObject)
    }

    static func expectSameJSON(_ value: some Encodable, _ comment: Comment? = nil) throws {
        #expect(try parsed(OctopusJSON.encode(value)) == parsed(foundation(value)), comment)
    }

    @Test func scalarsAreWrittenByteForByteAsJSONEncoderWritesThem() throws {
        let doubles: [Double] = [0, 1, -1, 0.5, 0.1, 1e-7, 1e20, 1e300, 123_456_789.125, -0.0, 2.5e-300, 9_007_199_254_740_993]
        let floats: [Float] = [0, 1, 0.1, 3.4e38, -2.5]
        let integers: [Int] = [0, -1, Int.max, Int.min]
        let unsigned: [UInt64] = [0, UInt64.max]
        let texts = ["", "plain", "quote \" and backslash \\", "slash / and // paths", "tab\tnew\nline\rreturn",
                     "\u{0}\u{1}\u{7}\u{8}\u{B}\u{C}\u{1F}\u{7F}", "é ü 漢字 🎉", "\u{2028}\u{2029}", "a\u{0}b"]
        let optionals: [String?] = ["x", nil, "y"]
        let flags = [true, false]
        let dates = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 1_733_000_000.123)]
        #expect(try OctopusJSON.encode(doubles) == Self.foundation(doubles))
        #expect(try OctopusJSON.encode(floats) == Self.foundation(floats))
        #expect(try OctopusJSON.encode(integers) == Self.foundation(integers))
        #expect(try OctopusJSON.encode(unsigned) == Self.foundation(unsigned))
        #expect(try OctopusJSON.encode(texts) == Self.foundation(texts))
        #expect(try OctopusJSON.encode(optionals) == Self.foundation(optionals))
        #expect(try OctopusJSON.encode(flags) == Self.foundation(flags))
        #expect(try OctopusJSON.encode(dates) == Self.foundation(dates))
        #expect(try OctopusJSON.encode("top-level /text") == Self.foundation("top-level /text"))
        #expect(try OctopusJSON.encode([[Int]]([[], [1, 2], []])) == Self.foundation([[Int]]([[], [1, 2], []])))
    }

    @Test func nonFiniteNumbersThrowAsJSONEncoderDoes() {
        #expect(throws: EncodingError.self) { try OctopusJSON.encode([Double.nan]) }
        #expect(throws: EncodingError.self) { try OctopusJSON.encode([Double.infinity]) }
    }

    @Test func modelsAreTheSameJSON() throws {
        let created = Date(timeIntervalSince1970: 1_733_000_000.5)
        let item = DashboardItem(
            id: "Deployments-1", projectId: "Projects-1", environmentId: "Environments-1", releaseId: "Releases-1",
            deploymentId: "Deployments-1", taskId: "ServerTasks-1", tenantId: nil, channelId: "Channels-1",
            releaseVersion: "1.0.0", created: created, queueTime: created, startTime: nil, completedTime: created,
            state: .success, errorMessage: "failed: \"quoted\"\n", duration: "1 second", isCurrent: true,
            pendingInterruptionTypes: ["ManualIntervention"],
            links: ["Self": "/api/Spaces-1/deployments/Deployments-1", "Task": "/api/tasks/ServerTasks-1"])
        let dashboard = Dashboard(
            projects: [DashboardProject(id: "Projects-1", name: "Web API", slug: "web-api", environmentIds: ["Environments-1"])],
            projectGroups: [DashboardProjectGroup(id: "ProjectGroups-1", name: "All")],
            environments: [ReferenceDataItem(id: "Environments-1", name: "Test")],
            tenants: [DashboardTenant(id: "Tenants-1", name: "Acme", projectEnvironments: ["Projects-1": ["Environments-1"]])],
            items: [item, item], previousItems: [], isFiltered: true, lastModifiedOn: created, links: ["Self": "/api/x"])
        try Self.expectSameJSON(item)
        try Self.expectSameJSON(dashboard)
        try Self.expectSameJSON(PropertyBag(["Octopus.Action.Script": "echo \"hi\" / done", "Empty": ""]))
        let empty: [String: [Int: String]] = ["none": [:]]
        let numbered: [Int: String] = [1: "one", 20: "twenty"]
        try Self.expectSameJSON(empty)
        try Self.expectSameJSON(numbered)
        for testCase in LenientDecodingTests.cases {
            guard let (written, expected) = try? testCase.bothEncoders(Data("{}".utf8)) else { continue }
            #expect(try Self.parsed(written) == Self.parsed(expected), "\(testCase.name)")
        }
    }

    /// Shapes the writer does not follow are written by `JSONEncoder` instead: the same output either way.
    @Test func otherShapesFallBackToJSONEncoder() throws {
        try Self.expectSameJSON(Nested(name: "n", inner: 3))
        try Self.expectSameJSON(TwoContainers(first: "a", second: "b"))
        let url = try #require(URL(string: "https://example.com/a/b"))
        let amount = try #require(Decimal(string: "12.50"))
        try Self.expectSameJSON(Special(data: Data([1, 2, 3]), url: url, amount: amount))
        try Self.expectSameJSON([Nothing()])
        #expect(throws: EncodingError.self) { try OctopusJSON.encode(Nothing()) }
    }

    struct Nested: Encodable {
        var name: String
        var inner: Int
        enum Keys: String, CodingKey { case name, inner, value }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var nested = container.nestedContainer(keyedBy: Keys.self, forKey: .inner)
            try container.encode(name, forKey: .name)
            try nested.encode(inner, forKey: .value)
        }
    }

    struct TwoContainers: Encodable {
        var first: String
        var second: String
        enum Keys: String, CodingKey { case first, second }
        func encode(to encoder: any Encoder) throws {
            var one = encoder.container(keyedBy: Keys.self)
            try one.encode(first, forKey: .first)
            var two = encoder.container(keyedBy: Keys.self)
            try two.encode(second, forKey: .second)
        }
    }

    struct Special: Encodable {
        var data: Data
        var url: URL
        var amount: Decimal
    }

    struct Nothing: Encodable {
        func encode(to encoder: any Encoder) throws {}
    }
}
