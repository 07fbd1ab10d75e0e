import Foundation
import Testing

@testable import RehearseCore

@Suite struct CivilDateTests {
    /// Every 997th day from 1600 to 9999 against Foundation's Gregorian calendar in UTC, both ways.
    @Test func daysAndDatesAgreeWithTheGregorianCalendar() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let first = CivilDate.days(year: 1600, month: 1, day: 1)
        let last = CivilDate.days(year: 9999, month: 12, day: 31)
        #expect(CivilDate.days(year: 1970, month: 1, day: 1) == 0)
        #expect(CivilDate.civil(fromDays: -1) == (1969, 12, 31))
        for days in stride(from: first, through: last, by: 997) {
            let date = Date(timeIntervalSince1970: Double(days) * 86_400)
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            let civil = CivilDate.civil(fromDays: days)
            #expect(Int(civil.year) == parts.year && Int(civil.month) == parts.month, "\(days)")
            #expect(Int(civil.day) == parts.day, "\(days)")
            #expect(CivilDate.days(year: civil.year, month: civil.month, day: civil.day) == days)
        }
    }

    @Test func monthLengths() {
        #expect(CivilDate.daysIn(month: 2, year: 2000) == 29)
        #expect(CivilDate.daysIn(month: 2, year: 2100) == 28)
        #expect(CivilDate.daysIn(month: 2, year: 2024) == 29)
        #expect(CivilDate.daysIn(month: 4, year: 2026) == 30)
        #expect(CivilDate.daysIn(month: 12, year: 2026) == 31)
    }

    /// The clock's hand-written form is what `ISO8601DateFormatter` writes, and reads back.
    @Test func utcSecondsWrittenAsTheFormatterWritesThem() {
        let formatter = ISO8601DateFormatter()
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let seconds = Double(seed % 253_402_300_800)
            let date = Date(timeIntervalSince1970: seconds)
            let text = RehearseClock.formatUTCSeconds(date)
            #expect(text == formatter.string(from: date), "\(seconds)")
            #expect(text.flatMap(RehearseClock.parseUTCSeconds) == date, "\(seconds)")
        }
        #expect(RehearseClock.formatUTCSeconds(Date(timeIntervalSince1970: 0.5)) == nil)
        #expect(RehearseClock.formatUTCSeconds(Date(timeIntervalSince1970: -1)) == nil)
    }
}
