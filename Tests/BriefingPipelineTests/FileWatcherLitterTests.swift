import Testing

@testable import BriefingRun

/// `watch` rebuilds for what a template is made of, not for what editors and tools leave
/// beside it while saving.
@Suite struct FileWatcherLitterTests {
    @Test func editorAndToolTemporariesAreNotChanges() {
        for name in [
            ".data.yaml.swp", "4913", "data.yaml~", "#outlook.md#", "sedX1b2c3", "sed4kQz9a", "data.yaml.tmp", "x.TMP",
            "outlook.md.swp", "export.csv.part", "map.png.crdownload", "data.yaml.orig", "data.yaml.rej", "data.yaml.bak",
            "#16303734",
        ] {
            #expect(FileWatcher.isEditorLitter(name), "\(name)")
        }
        for name in [
            "#1.md", "data.yaml", "outlook.md", "sedimentation.md", "sed.md", "export.csv", "map.png", "briefing.yaml", "tiv-2024.csv",
        ] {
            #expect(!FileWatcher.isEditorLitter(name), "\(name)")
        }
    }
}
