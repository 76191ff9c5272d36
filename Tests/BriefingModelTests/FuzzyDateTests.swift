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

    /// The byte reader of `2025`, `2025-03` and `2025-03-14` takes only those shapes, and
    /// what it reads is what splitting read.
    @Test func numericDatesAreReadFromTheBytes() throws {
        #expect(FuzzyDate.numeric("2025") == [2025])
        #expect(FuzzyDate.numeric("2025-03") == [2025, 3])
        #expect(FuzzyDate.numeric("0999-00-99") == [999, 0, 99])
        for text in ["2025-3", "2025-03-1", "2025/03", "25-03-14", "2025-03-", " 2025", "2025 ", "２０２５", "2025-0a", "1970s", "-2025", ""] {
            #expect(FuzzyDate.numeric(text) == nil, "\(text)")
        }
        // Errors say the same as before, with the text as written.
        func message(_ text: String) -> String? {
            do {
                _ = try FuzzyDate.parse(text)
                return nil
            } catch {
                return error.message
            }
        }
        #expect(message("2024-13") == "month 13 does not exist in '2024-13'")
        #expect(message("2023-02-29") == "February 2023 has no day 29 (it has 28 days)")
        #expect(message("1500") == "year 1500 is out of range (1800-2200)")
        #expect(try FuzzyDate.parse(" 2024-05-30 ") == FuzzyDate.parse("2024-05-30"))
    }

    /// A decade is a date like any other: its year within 1800-2200 (`0010s` printed "10s").
    @Test func decadesKeepToTheYears() throws {
        #expect(try FuzzyDate.parse("2020s").precision == .decade)
        for text in ["0010s", "0000s", "1790s", "9990s"] {
            #expect(throws: DateError.self, "\(text)") { try FuzzyDate.parse(text) }
        }
    }

    /// Text that is no date says so (and is quoted short); an impossible date says why.
    @Test func unrecognisedTextIsToldFromImpossibleDates() {
        func error(_ text: String) -> DateError? {
            do {
                _ = try FuzzyDate.parse(text)
                return nil
            } catch {
                return error
            }
        }
        #expect(error("tomorrow")?.unrecognised == true)
        #expect(error("2023-02-29")?.unrecognised == false)
        let long = String(repeating: "9", count: 20_000) + "x"
        #expect((error(long)?.message.count ?? .max) < 300, "a 20,000-character value is not echoed whole")
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
        // A span of one year (SIPRI's export of a single year) is that year.
        for text in ["2021-2021", "2021\u{2013}2021", "2021-21"] {
            let year = try Period.parse(text)
            #expect(year == Period(FuzzyDate(year: 2021)) && year.key == "2021" && year.startYear == 2021 && year.endYear == 2021, "\(text)")
        }
    }

    @Test(arguments: [
        ("2025-Q1", 1), ("2025Q1", 1), ("Q1 2025", 1), ("Q1-2025", 1), ("q3 2025", 3), ("1Q25", 1), ("2Q2023", 2), ("4Q25", 4),
    ])
    func parsesQuartersAsAnalystsWriteThem(text: String, quarter: Int) throws {
        let date = try FuzzyDate.parse(text)
        #expect(date.precision == .quarter && date.part == quarter, "\(text)")
        #expect(date.year == (text.contains("2023") ? 2023 : 2025))
    }

    @Test func quartersHalvesAndMonthNamesCoverTheirPeriod() throws {
        let q2 = try FuzzyDate.parse("2025-Q2")
        #expect(q2.description == "Q2 2025" && q2.start == 2025.25 && q2.end == 2025.5)
        let h2 = try FuzzyDate.parse("H2 2024")
        #expect(h2.description == "H2 2024" && h2.start == 2024.5 && h2.end == 2025)
        #expect(try FuzzyDate.parse("2024-H1").part == 1)
        #expect(try FuzzyDate.parse("March 2025") == FuzzyDate(year: 2025, month: 3))
        #expect(try FuzzyDate.parse("Sep 2025") == FuzzyDate(year: 2025, month: 9))
        // A quarter sorts after its first month and before the year that contains it ends.
        #expect(try FuzzyDate.parse("2025-01") < q2 && q2 < FuzzyDate.parse("2025-07"))
        #expect(throws: DateError.self) { try FuzzyDate.parse("2025-Q5") }
        #expect(throws: DateError.self) { try FuzzyDate.parse("H3 2025") }
    }

    @Test func periodsAreYearSpansOrDates() throws {
        #expect(try Period.parse("2Q23").description == "Q2 2023")
        #expect(try Period.parse("2025-03").description == "March 2025", "a month, not 2025-2103")
        #expect(try Period.parse("2010s").description == "2010s")
        #expect(try Period.parse("2024").end == 2025)
        let periods = try ["Q3 2024", "2023-Q4", "2024-H1", "2024"].map(Period.parse).sorted()
        #expect(periods.map(\.description) == ["Q4 2023", "H1 2024", "2024", "Q3 2024"], "by start, the shorter first")
        do {
            _ = try Period.parse("next year")
            Issue.record("'next year' parsed")
        } catch {
            #expect(error.message.contains("is not a period"))
        }
    }
}
