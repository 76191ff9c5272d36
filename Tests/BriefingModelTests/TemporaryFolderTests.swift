import BriefingModel
import Testing

/// An empty TMPDIR means unset, as it does for mktemp: /tmp, not the root folder.
@Suite struct TemporaryFolderTests {
    @Test func anEmptyTemporaryFolderMeansTmp() {
        #expect(TemporaryFolder.path([:]) == "/tmp")
        #expect(TemporaryFolder.path(["TMPDIR": ""]) == "/tmp")
        #expect(TemporaryFolder.path(["TMPDIR": "/var/tmp"]) == "/var/tmp")
    }
}
