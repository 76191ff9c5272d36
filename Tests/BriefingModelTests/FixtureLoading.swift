import Foundation
import TestSupport
import Testing

@testable import BriefingModel

/// Loads a copy of a fixture template after an edit, for the import tests.
enum FixtureLoading {
    static func load(_ path: String, _ edit: (TemplateFixture) throws -> Void = { _ in }) throws -> Template {
        let fixture = try TemplateFixture(copying: path)
        defer { fixture.remove() }
        try edit(fixture)
        return try TemplateLoader.load(directory: fixture.directory)
    }

    /// The errors of a copy that must not load, as printed; bad imports are data errors (65).
    static func failure(_ path: String, _ edit: (TemplateFixture) throws -> Void) throws -> String {
        do {
            _ = try load(path, edit)
            Issue.record("loaded although invalid")
            return ""
        } catch let error as InputError {
            #expect(error.kind == .invalidData, "a bad import is invalid data (65)")
            return error.description
        }
    }
}
