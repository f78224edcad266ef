import Foundation
import Orchestration
import Testing

struct ScheduleParserTests {
    /// Fixed "now": Thursday 2021-01-14 10:30:00 in Berlin (UTC+1 in winter).
    // Without the zone database every expectation below fails, naming the offsets it got instead.
    static let berlin = TimeZone(identifier: "Europe/Berlin") ?? .gmt
    /// 2021-01-14T09:30:00Z.
    static let now = Date(timeIntervalSince1970: 1_610_616_600)
    let parser = ScheduleParser(timeZone: berlin)

    @Test(arguments: [
        ("21:00", "2021-01-14 21:00:00 +01:00"),
        ("21:00:30", "2021-01-14 21:00:30 +01:00"),
        ("7:00 PM", "2021-01-14 19:00:00 +01:00"),
        ("7 pm", "2021-01-14 19:00:00 +01:00"),
        ("12:15 PM", "2021-01-14 12:15:00 +01:00"),
        ("2021-01-14 21:00:00", "2021-01-14 21:00:00 +01:00"),
        ("2021-01-15 21:00", "2021-01-15 21:00:00 +01:00"),
        ("2021/03/20 22:00:00", "2021-03-20 22:00:00 +01:00"),
        ("06/25/2021 19:00:00", "2021-06-25 19:00:00 +02:00"),  // summer time
        ("01 Feb 2021 18:00:00", "2021-02-01 18:00:00 +01:00"),
        ("2021-01-20", "2021-01-20 00:00:00 +01:00"),
        ("tomorrow 19:00", "2021-01-15 19:00:00 +01:00"),
        ("Tomorrow 7 PM", "2021-01-15 19:00:00 +01:00"),
        ("today 23:59", "2021-01-14 23:59:00 +01:00"),
        ("+2h", "2021-01-14 12:30:00 +01:00"),
        ("+90m", "2021-01-14 12:00:00 +01:00"),
        ("+1d2h30m", "2021-01-15 13:00:00 +01:00"),
        ("+ 1:30", "2021-01-14 12:00:00 +01:00"),
        ("+ 15", "2021-01-14 10:45:00 +01:00"),
        ("21:00 UTC", "2021-01-14 21:00:00 +00:00"),
        ("21:00 America/New_York", "2021-01-14 21:00:00 -05:00"),
        ("2021-01-14T21:00:00+02:00", "2021-01-14 21:00:00 +02:00"),
        ("2021-01-14T21:00:00Z", "2021-01-14 21:00:00 +00:00"),
    ])
    func parses(text: String, expected: String) throws {
        let schedule = try #require(try parser.parse(text, now: Self.now))
        #expect(schedule.absoluteText == expected)
        #expect(schedule.queueTimeExpiry.timeIntervalSince(schedule.queueTime) == 3600)
    }

    @Test(arguments: ["", "  ", "N/A", "n/a"])
    func noSchedule(text: String) throws {
        #expect(try parser.parse(text, now: Self.now) == nil)
    }

    @Test func sameInstantAcrossZones() throws {
        let utc = try #require(try parser.parse("2021-01-14 20:00 UTC", now: Self.now))
        let local = try #require(try parser.parse("21:00", now: Self.now))
        #expect(utc.queueTime == local.queueTime)
    }

    @Test(arguments: [
        ("9:00", "The time '9:00' means 2021-01-14 09:00:00 +01:00, which is in the past (now is 2021-01-14 10:30:00 +01:00). Give a future time, e.g. 'tomorrow 9:00' or '+2h'."),
        ("2021-01-14 21:00 UTC", nil),
        ("2020-12-31 23:00", "The time '2020-12-31 23:00' means 2020-12-31 23:00:00 +01:00, which is in the past (now is 2021-01-14 10:30:00 +01:00). Give a future time, e.g. '2021-01-14 23:00:00' or '+2h'."),
    ] as [(String, String?)])
    func pastTimes(text: String, message: String?) {
        do {
            _ = try parser.parse(text, now: Self.now)
            #expect(message == nil, "expected an error for '\(text)'")
        } catch {
            #expect("\(error)" == message)
        }
    }

    @Test(arguments: ["soon", "25:00", "13 PM", "2021-02-30 10:00", "7", "+", "+2x", "32 Jan 2021", "tomorrow"])
    func unparseable(text: String) {
        #expect(throws: OrchestrationError.unparseableSchedule(text)) { try parser.parse(text, now: Self.now) }
    }

    @Test func unknownZone() {
        #expect(throws: OrchestrationError.unknownTimeZone("Mars/Olympus")) {
            try parser.parse("21:00 Mars/Olympus", now: Self.now)
        }
    }

    @Test func echoSaysWhenItStarts() throws {
        let schedule = try #require(try parser.parse("+4h30m", now: Self.now))
        #expect(schedule.echo(now: Self.now) == "2021-01-14 15:00:00 +01:00 (Europe/Berlin), starts in 4h 30m")
        let later = try #require(try parser.parse("+1d2h", now: Self.now))
        #expect(later.echo(now: Self.now).hasSuffix("starts in 1d 2h"))
    }
}
