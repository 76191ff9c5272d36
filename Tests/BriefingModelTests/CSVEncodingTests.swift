import Foundation
import Testing

@testable import BriefingModel

/// CSV files come as UTF-8 or as spreadsheets on Windows write them; a UTF-8 file with one
/// foreign byte is read, and the reader is told where that byte is.
@Suite struct CSVEncodingTests {
    @Test func aWindowsExportKeepsItsCurlyQuotesAndDashes() throws {
        // "Türkiye’s – 2023" in Windows-1252: ü is 0xFC, ’ is 0x92, – is 0x96.
        let bytes: [UInt8] = Array("Key,Label\nt,T".utf8) + [0xFC] + Array("rkiye".utf8) + [0x92] + Array("s ".utf8) + [0x96]
            + Array(" 2023\n".utf8)
        let table = try CSVTable(data: Data(bytes), file: "data/x.csv")
        #expect(table.rows[1][1] == "Türkiye’s – 2023")
        #expect(table.warnings.isEmpty, "a whole file in one encoding is not worth a warning")
    }

    @Test func aUTF8FileWithOneForeignByteIsReadWithAWarningAtThatByte() throws {
        let bytes: [UInt8] = Array("Key,Label\na,Türkiye\nb,Sites ".utf8) + [0xFF] + Array(" operation\n".utf8)
        let table = try CSVTable(data: Data(bytes), file: "data/x.csv")
        #expect(table.rows[2][1] == "Sites ÿ operation")
        let warning = try #require(table.warnings.first)
        #expect(table.warnings.count == 1)
        #expect(warning.location.line == 3 && warning.location.column == 9, "\(warning.location)")
        #expect(warning.message.contains("0xFF") && warning.message.contains("'ÿ'"), "\(warning.message)")
    }

    @Test func theFirstInvalidByteIsFoundByLineAndCharacter() {
        #expect(UTF8Check.firstInvalid(in: Array("abc\nдва".utf8)) == nil)
        let at = UTF8Check.firstInvalid(in: Array("a\nдв".utf8) + [0xC3, 0x28])
        #expect(at.map { [$0.line, $0.column] } == [2, 3])
        // Overlong forms and surrogates are not UTF-8.
        #expect(UTF8Check.firstInvalid(in: [0xC0, 0xAF]) != nil)
        #expect(UTF8Check.firstInvalid(in: [0xED, 0xA0, 0x80]) != nil)
        #expect(UTF8Check.firstInvalid(in: [0xF4, 0x90, 0x80, 0x80]) != nil)
        #expect(UTF8Check.firstInvalid(in: [0xE2, 0x82]) != nil, "a sequence cut short by the end")
    }

    @Test func aYAMLFileWithABadByteIsRefusedAtIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("utf8-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("data.yaml")
        try Data(Array("a: 1\nb: x".utf8) + [0xE9] + Array("\n".utf8)).write(to: file)
        #expect {
            _ = try TextFile.read(file, displayName: "data.yaml")
        } throws: { error in
            guard let location = (error as? InputError)?.diagnostics.first?.location else { return false }
            return location.line == 2 && location.column == 5
        }
    }
}
