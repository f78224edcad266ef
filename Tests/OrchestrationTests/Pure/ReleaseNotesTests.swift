import Orchestration
import Testing

struct ReleaseNotesTests {
    @Test func buildInformationNotes() {
        let notes = ReleaseNotes.buildInformation(
            packages: ["WebApi.2021.1.0.14", "WebApi.2021.1.0.14", "Shared.1.2.0"],
            workItems: [NoteLink(id: "GH-12", url: "https://git/12", text: "Fix login"), NoteLink(id: "GH-12", url: "https://git/12", text: "Fix login")],
            commits: [NoteLink(id: "abc123", url: "https://git/c/abc123", text: "Handle null tokens")])
        #expect(notes.markdown == """

            **Release Information**

            - Package Versions
              - WebApi.2021.1.0.14
              - Shared.1.2.0

            - Work Items
              - [GH-12](https://git/12) - Fix login

            - Commits
              - [abc123](https://git/c/abc123) - Handle null tokens
            """)
    }

    @Test func releaseNotesWithoutBuildInformation() {
        let notes = ReleaseNotes.releaseNotes(text: "Fixes the scheduler.", packages: ["Scheduler.2021.1.0.3"])
        #expect(notes.markdown == "\n**Release Information**\n\nFixes the scheduler.\n\nPackage Versions\n  - Scheduler.2021.1.0.3")
    }

    @Test func missingReleaseNotesBecomeAnEmptyLine() {
        let notes = ReleaseNotes.releaseNotes(text: nil, packages: [])
        #expect(notes.markdown == "\n**Release Information**\n\n\n\nPackage Versions")
    }

    @Test func artifactName() {
        #expect(ReleaseNotes.artifactName(project: "Web API", version: "2021.1.0.14", environment: "Staging", at: "2021_01_14_10_30")
            == "Web API 2021.1.0.14 Staging.ReleaseNotes_2021_01_14_10_30.txt")
    }

    @Test func outputs() {
        #expect(PromotionOutputs.noRelease == PromotionOutputs(releaseToPromote: "N/A", releaseNotes: "No release found", childReleaseToDeploy: false))
        #expect(PromotionOutputs.alreadyCurrent("1.0").releaseNotes == "Release already deployed to destination environment.")
        #expect(PromotionOutputs.machineMismatch("1.0").releaseNotes != PromotionOutputs.alreadyCurrent("1.0").releaseNotes)  // B12
        #expect(PromotionOutputs.deploying("1.0", notes: "n").childReleaseToDeployText == "True")
    }
}
