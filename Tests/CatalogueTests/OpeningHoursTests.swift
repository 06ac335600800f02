import Testing
@testable import Catalogue

@Suite struct OpeningHoursTests {
    // 2026-12-01 is a Tuesday.
    func at(_ iso: String) throws -> ShenzhenTime {
        ShenzhenTime(unixSeconds: try #require(ShenzhenTime.unixSeconds(iso8601: iso)))
    }

    let weekdays = "周一至周五 9:00-18:00"

    @Test func weekdayHoursAreOpenOnTuesdayAtTenClosedOnSaturdayAndAtHalfPastSeven() throws {
        #expect(OpeningHours.status(of: weekdays, at: try at("2026-12-01T10:00")) == .open)
        #expect(OpeningHours.status(of: weekdays, at: try at("2026-12-05T10:00")) == .closed)
        #expect(OpeningHours.status(of: weekdays, at: try at("2026-12-01T19:30")) == .closed)
    }

    @Test func theLastThirtyMinutesAreClosingSoon() throws {
        #expect(OpeningHours.status(of: weekdays, at: try at("2026-12-01T17:29")) == .open)
        #expect(OpeningHours.status(of: weekdays, at: try at("2026-12-01T17:30")) == .closingSoon(minutesLeft: 30))
        #expect(OpeningHours.status(of: weekdays, at: try at("2026-12-01T17:59")) == .closingSoon(minutesLeft: 1))
        #expect(OpeningHours.status(of: weekdays, at: try at("2026-12-01T18:00")) == .closed)
        #expect(OpeningHours.status(of: weekdays, at: try at("2026-12-01T08:59")) == .closed)
        #expect(OpeningHours.status(of: weekdays, at: try at("2026-12-01T09:00")) == .open)
    }

    @Test func severalPeriodsADayCloseAtLunch() throws {
        let hours = "周一至周五 9:00-12:00，14:00-18:00"
        #expect(OpeningHours.status(of: hours, at: try at("2026-12-01T12:30")) == .closed)
        #expect(OpeningHours.status(of: hours, at: try at("2026-12-01T11:45")) == .closingSoon(minutesLeft: 15))
        #expect(OpeningHours.status(of: hours, at: try at("2026-12-01T14:00")) == .open)
    }

    @Test func allDayIsOpenAtEveryHourAndNeverClosingSoon() throws {
        for hours in ["全天开放", "全天"] {
            #expect(OpeningHours.status(of: hours, at: try at("2026-12-06T23:59")) == .open)
            #expect(OpeningHours.status(of: hours, at: try at("2026-12-01T03:00")) == .open)
        }
    }

    @Test func hoursWithoutDaysHoldEveryDayAndFullWidthDigitsRead() throws {
        #expect(OpeningHours.status(of: "6：00-23：00", at: try at("2026-12-06T22:40")) == .closingSoon(minutesLeft: 20))
        #expect(OpeningHours.status(of: "6:00-23:00", at: try at("2026-12-06T05:59")) == .closed)
        #expect(OpeningHours.status(of: "周二至周日 9:00-21:00", at: try at("2026-11-30T10:00")) == .closed)
        #expect(OpeningHours.status(of: "周二至周日9:00-21:00", at: try at("2026-12-06T10:00")) == .open)
    }

    @Test func severalDayRulesAndSingleDaysRead() throws {
        let hours = "周一至周五 9:00-18:00 周六、周日 10:00-16:00"
        #expect(OpeningHours.parse(hours)?.periods.count == 7)
        #expect(OpeningHours.status(of: hours, at: try at("2026-12-05T15:45")) == .closingSoon(minutesLeft: 15))
    }

    @Test func periodsPastMidnightRunIntoTheNextDay() throws {
        let hours = "周五 20:00-02:00"
        #expect(OpeningHours.status(of: hours, at: try at("2026-12-05T01:00")) == .open)
        #expect(OpeningHours.status(of: hours, at: try at("2026-12-05T02:00")) == .closed)
    }

    @Test(arguments: [
        "以所在场所开放时间为准", "10:00-18:00（每周一休息）", "周一至周日9:00-21:00 （大年初一至初三14:00-18:00）",
        "正常开放时间:07:00-23:00", "全天08:00-22:00", "闭馆改造", "旺季（5月至9月）", "节假日：8点--12点。14点--18点。",
        "6：00-23：00（网球场、乒乓球馆暂停开放，全园禁止广场舞、团体操）", "周二至周日：9:00-21:00 法定节假日：10:00-16:00",
        "", "9:00", "25:00-26:00", "9:60-10:00", "9:00-9:00", "周八 9:00-10:00",
    ])
    func textWithAnythingExtraIsUnparsedAndNeverOpen(hours: String) throws {
        #expect(OpeningHours.parse(hours) == nil)
        #expect(OpeningHours.status(of: hours, at: try at("2026-12-01T10:00")) == .unknown)
        #expect(!OpeningHours.status(of: hours, at: try at("2026-12-01T10:00")).isOpen)
    }

    @Test func iso8601WithoutAZoneIsShenzhenTimeAndZonesAreHonoured() throws {
        let local = try #require(ShenzhenTime.unixSeconds(iso8601: "2026-12-01T10:00"))
        #expect(ShenzhenTime.unixSeconds(iso8601: "2026-12-01T02:00Z") == local)
        #expect(ShenzhenTime.unixSeconds(iso8601: "2026-12-01T10:00:00+08:00") == local)
        #expect(ShenzhenTime.unixSeconds(iso8601: "2026-12-01 03:00+0100") == local)
        #expect(local == 1_796_090_400)
        #expect(ShenzhenTime(unixSeconds: local) == ShenzhenTime(weekday: 2, minuteOfDay: 600))
        #expect(ShenzhenTime(unixSeconds: 0) == ShenzhenTime(weekday: 4, minuteOfDay: 480))
        #expect(ShenzhenTime(unixSeconds: -1) == ShenzhenTime(weekday: 4, minuteOfDay: 479))
    }

    @Test(arguments: ["2026-02-29T10:00", "2026-13-01T10:00", "2026-12-01", "2026-12-01T24:00", "tomorrow", "2026-12-01T10:00+25:00", "2026-12-01T10:00 extra"])
    func impossibleOrMalformedTimesAreRejected(text: String) {
        #expect(ShenzhenTime.unixSeconds(iso8601: text) == nil)
    }

    @Test func everyWeekdayOfAKnownWeekIsNamedRight() throws {
        // 2026-11-30 is a Monday.
        for day in 0..<7 {
            let time = try at("2026-12-0\(day)T12:00".replacingOccurrences(of: "12-00", with: "11-30"))
            #expect(time.weekday == day + 1)
        }
    }
}
