import BriefingPipeline
import BriefingRender
import Testing

/// What each failure means to a caller, which the command line turns into an exit status.
@Suite struct FailureKindTests {
    @Test func cairoRefusingADrawingIsAnInternalErrorNotAWriteFailure() {
        let error = RenderError.drawing(message: "cairo: invalid tag name, attributes, or nesting", place: "page 5, section 'outlook'")
        #expect(FailureKind(of: error) == .software)
        #expect(error.description.hasPrefix("internal error while drawing page 5, section 'outlook': cairo: invalid tag name"))
        #expect(!error.description.contains("cannot write the output"))
    }
}
