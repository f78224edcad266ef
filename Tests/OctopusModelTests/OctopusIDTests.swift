import Foundation
import OctopusModel
import Testing

@Suite("Typed ids")
struct OctopusIDTests {
    @Test func encodesAsAPlainString() throws {
        struct Holder: Codable, Equatable {
            var project: ProjectID
            var releases: [ReleaseID]
        }
        let holder = Holder(project: "Projects-3", releases: ["Releases-9", "Releases-10"])
        let data = try OctopusJSON.encode(holder)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["project"] as? String == "Projects-3")
        #expect(object["releases"] as? [String] == ["Releases-9", "Releases-10"])
        #expect(try OctopusJSON.decode(Holder.self, from: data) == holder)
    }

    @Test(arguments: [("Releases-12", 12), ("Releases-10000", 10000), ("teams-administrators", nil), ("Spaces-1", 1)] as [(String, Int?)])
    func numericSuffix(id: String, number: Int?) {
        #expect(ReleaseID(id).number == number)
    }

    @Test func ordersNumericallyNotTextually() {
        let ids: [ReleaseID] = ["Releases-10000", "Releases-9", "Releases-10", "Releases-9999"]
        #expect(ids.sorted() == ["Releases-9", "Releases-10", "Releases-9999", "Releases-10000"])
    }

    @Test func derivesIdsLikeOctopus() {
        #expect(ProjectID(number: 7).rawValue == "Projects-7")
        #expect(DeploymentProcessID(project: "Projects-1").rawValue == "deploymentprocess-Projects-1")
        #expect(VariableSetID(project: "Projects-1").rawValue == "variableset-Projects-1")
        #expect(ServerTaskID(number: 5).rawValue == "ServerTasks-5")
    }
}
