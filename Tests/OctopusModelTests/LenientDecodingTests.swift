import Foundation
import OctopusModel
import Testing

/// What every lenient wire type decodes from a body without its keys, and from one with each key
/// `null`, written back as JSON, against a committed copy: a default that changes, a missing key that
/// starts to throw, or a change in what is written back shows up in review. After a deliberate change,
/// regenerate with `CONDUCTOR_UPDATE_GOLDEN=1 swift test --filter LenientDecodingTests` and commit it.
@Suite("Lenient decoding")
struct LenientDecodingTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden/lenient-decoding.txt")

    /// A type and its decode-then-encode round trip.
    struct Case: Sendable {
        var name: String
        var roundTrip: @Sendable (Data) throws -> Data
        /// The decoded value written by `OctopusJSON.encode` and by `JSONEncoder` (`JSONWriterTests`).
        var bothEncoders: @Sendable (Data) throws -> (writer: Data, foundation: Data)

        init<Value: Codable>(_ type: Value.Type) {
            name = "\(Value.self)"
            bothEncoders = { data in
                let value = try OctopusJSON.decode(Value.self, from: data)
                return (try OctopusJSON.encode(value), try OctopusJSON.makeEncoder().encode(value))
            }
            roundTrip = { data in
                let encoder = OctopusJSON.makeEncoder()
                encoder.outputFormatting.formUnion([.sortedKeys, .prettyPrinted])
                return try encoder.encode(OctopusJSON.decode(Value.self, from: data))
            }
        }
    }

    static let cases: [Case] = [
        Case(Artifact.self), Case(Dashboard.self), Case(DashboardItem.self), Case(DashboardProject.self),
        Case(DashboardProjectGroup.self), Case(DashboardTenant.self), Case(Deployment.self),
        Case(DeploymentPreview.self), Case(DeploymentPromotionTarget.self), Case(DeploymentPromotionTenant.self),
        Case(DeploymentTemplate.self), Case(DeploymentTemplateStep.self), Case(Event.self), Case(EventCategory.self),
        Case(EventReference.self), Case(Form.self), Case(FormButton.self), Case(FormControl.self),
        Case(FormElement.self), Case(Interruption.self), Case(LifecycleProgression.self),
        Case(MachineDeploymentPreview.self), Case(OctopusErrorBody.self), Case(PhaseDeployment.self),
        Case(PhaseProgression.self), Case(ProjectProgression.self), Case(ReleaseChanges.self),
        Case(ReleaseProgression.self), Case(ServerTask.self), Case(TaskDetails.self), Case(TaskProgress.self),
        Case(ActivityLogEntry.self), Case(ActivityLogTreeNode.self),
    ]

    /// `{}` and every-key-`null`, each decoded and written back; a decoding error is recorded as such.
    static func describe(_ testCase: Case) -> String {
        var lines = ["== \(testCase.name)"]
        do {
            let fromEmpty = try testCase.roundTrip(Data("{}".utf8))
            lines.append(String(decoding: fromEmpty, as: UTF8.self))
            let keys = (try JSONSerialization.jsonObject(with: fromEmpty) as? [String: Any])?.keys.sorted() ?? []
            let nulls = "{" + keys.map { "\"\($0)\": null" }.joined(separator: ", ") + "}"
            let fromNulls = try testCase.roundTrip(Data(nulls.utf8))
            lines.append(fromNulls == fromEmpty ? "every key null: the same" : String(decoding: fromNulls, as: UTF8.self))
        } catch let error as DecodingError {
            lines.append("{} does not decode: \(Self.summary(of: error))")
        } catch {
            lines.append("{} does not decode: \(error)")
        }
        return lines.joined(separator: "\n")
    }

    static func summary(of error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context): "missing key \((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))"
        case .valueNotFound(_, let context): "null at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case .typeMismatch(_, let context): "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case .dataCorrupted(let context): "corrupted at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        @unknown default: "\(error)"
        }
    }

    /// The sections of a golden text, by their `== Type` title line.
    static func sections(_ text: String) -> [String: String] {
        var sections: [String: String] = [:]
        var title = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("== ") { title = String(line) }
            sections[title, default: ""] += line + "\n"
        }
        return sections
    }

    @Test func missingAndNullKeysDecodeAsTheGoldenFileSays() throws {
        let actual = Self.cases.map(Self.describe).joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["CONDUCTOR_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: Self.golden, atomically: true, encoding: .utf8)
        }
        let expected = Self.sections(try String(contentsOf: Self.golden, encoding: .utf8))
        // Compared type by type, so a failure names the type whose decoding changed.
        let actualSections = Self.sections(actual)
        for title in Set(actualSections.keys).union(expected.keys).sorted() {
            #expect(actualSections[title] == expected[title], "\(title): regenerate with CONDUCTOR_UPDATE_GOLDEN=1 if the change is intended")
        }
    }

    /// A value decoded from `{}` survives a round trip unchanged (what is written back reads back the same).
    @Test func defaultsRoundTrip() throws {
        for testCase in Self.cases {
            guard let once = try? testCase.roundTrip(Data("{}".utf8)) else { continue }
            #expect(try testCase.roundTrip(once) == once, "\(testCase.name)")
        }
    }
}
