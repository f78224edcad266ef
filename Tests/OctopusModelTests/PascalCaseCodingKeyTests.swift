import Foundation
import OctopusModel
import Testing

/// `PascalCaseCodingKey` derives each wire key from its case name, and leaves the keys of
/// free-form dictionaries (links, form values, property bags) exactly as they are.
@Suite("PascalCase coding keys")
struct PascalCaseCodingKeyTests {
    enum Keys: String, PascalCaseCodingKey {
        case id, lastModifiedOn, links
    }

    @Test func wireKeysAreTheCaseNamesWithAnUpperCaseFirstLetter() {
        #expect(Keys.id.stringValue == "Id")
        #expect(Keys.lastModifiedOn.stringValue == "LastModifiedOn")
        #expect(Keys.links.stringValue == "Links")
    }

    @Test func onlyTheWireSpellingNamesACase() {
        #expect(Keys(stringValue: "Id") == .id)
        #expect(Keys(stringValue: "LastModifiedOn") == .lastModifiedOn)
        #expect(Keys(stringValue: "id") == nil)
        #expect(Keys(stringValue: "lastModifiedOn") == nil)
        #expect(Keys(stringValue: "") == nil)
        #expect(Keys(stringValue: "Name") == nil)
    }

    @Test func freeFormDictionaryKeysAreWrittenAndReadAsTheyAre() throws {
        let deployment = Deployment(
            id: "Deployments-1", formValues: ["lower.case": "a", "Mixed.Case": "b"],
            links: ["self": "/api/x", "Web": "/app#/x"])
        let json = try #require(
            try JSONSerialization.jsonObject(with: OctopusJSON.encode(deployment)) as? [String: Any])
        #expect(json["Id"] as? String == "Deployments-1")
        #expect(json["id"] == nil)
        #expect(json["FormValues"] as? [String: String] == ["lower.case": "a", "Mixed.Case": "b"])
        #expect(json["Links"] as? [String: String] == ["self": "/api/x", "Web": "/app#/x"])
        #expect(try OctopusJSON.decode(Deployment.self, from: OctopusJSON.encode(deployment)) == deployment)

        let action = DeploymentAction(
            id: "a", name: "Run", actionType: "Octopus.Script", properties: ["Octopus.Action.Script.ScriptBody": "echo"])
        let actionJSON = try #require(
            try JSONSerialization.jsonObject(with: OctopusJSON.encode(action)) as? [String: Any])
        #expect(actionJSON["Properties"] as? [String: String] == ["Octopus.Action.Script.ScriptBody": "echo"])
    }

    @Test func anyJSONEncoderWritesTheSameKeys() throws {
        // The keys belong to the types, not to OctopusJSON's encoder: a plain encoder (GRDB's JSON
        // columns, the plan file) writes PascalCase too.
        let group = DashboardProjectGroup(id: "ProjectGroups-1", name: "All")
        let json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(group)) as? [String: Any])
        #expect(Set(json.keys) == ["Id", "Name", "EnvironmentIds", "Links"])
    }
}
