import Testing

@testable import BriefingModel

@Suite struct FuzzyDateTests {
    @Test func parsesEveryPrecision() throws {
        #expect(try FuzzyDate.parse("2024-05-30") == FuzzyDate(year: 2024, month: 5, day: 30))
        #expect(try FuzzyDate.parse("2023-10").precision == .month)
        #expect(try FuzzyDate.parse("2014").precision == .year)
        #expect(try FuzzyDate.parse("1970s").precision == .decade)
    }

    @Test func printsAtItsPrecision() throws {
        #expect(try FuzzyDate.parse("2024-05-30").description == "30 May 2024")
        #expect(try FuzzyDate.parse("2023-10").description == "October 2023")
        #expect(try FuzzyDate.parse("2014").description == "2014")
        #expect(try FuzzyDate.parse("1970s").description == "1970s")
    }

    @Test(arguments: ["2023-02-29", "2024-13-01", "2024-04-31", "24-05-30", "1975s", "2024/05/30", "", "1500"])
    func rejectsImpossibleDates(_ text: String) {
        #expect(throws: DateError.self) { try FuzzyDate.parse(text) }
    }

    @Test func knowsLeapYears() throws {
        #expect(try FuzzyDate.parse("2024-02-29").day == 29)
        #expect(try FuzzyDate.parse("2000-02-29").day == 29)
        #expect(throws: DateError.self) { try FuzzyDate.parse("1900-02-29") }
    }

    @Test func ordersByStartThenEnd() throws {
        let decade = try FuzzyDate.parse("1970s"), year = try FuzzyDate.parse("1970"), day = try FuzzyDate.parse("1970-01-01")
        #expect(day < year && year < decade)
        #expect(decade.end == 1980)
    }

    @Test func parsesSIPRIPeriods() throws {
        let period = try Period.parse("2008-12")
        #expect(period.startYear == 2008 && period.endYear == 2012)
        #expect(period.description == "2008\u{2013}12")
        #expect(try Period.parse("1998-2002").description == "1998\u{2013}2002")
        #expect(try Period.parse("1996-00").endYear == 2000)
        #expect(throws: DateError.self) { try Period.parse("2012-2008") }
    }
}
