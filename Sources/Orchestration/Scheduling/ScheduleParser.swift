import Foundation

/// Reads the template's Scheduling parameter (§5.20) plus relative forms, in an explicit time zone.
///
/// Accepted (case-insensitive), optionally followed by a time zone name (`UTC`, `Europe/Berlin`):
/// - blank or `N/A`: no schedule;
/// - a time today: `21:00`, `21:00:00`, `7:00 PM`, `7 PM`;
/// - a date and optional time: `2021-01-14 21:00:00`, `2021/03/20 22:00:00`, `06/25/2021 19:00:00` (month first,
///   as the template's en-US examples), `01 Jan 2021 18:00:00`;
/// - ISO 8601 with `T` and optional offset: `2021-01-14T21:00:00+01:00` (an offset wins over the zone);
/// - `today 19:00`, `tomorrow 19:00`, `tomorrow 7 PM`;
/// - relative: `+2h`, `+90m`, `+1d2h30m`, `+ 1:30` (hours:minutes), `+ 15` (minutes, as Chain Deployment).
///
/// Departure B15: the template used the executing machine's culture and zone and failed on a past time; here the
/// zone is explicit (the local zone unless set) and a past time is an error that shows the resolved time.
public struct ScheduleParser: Sendable {
    /// The zone times without an explicit zone or offset are read in.
    public var timeZone: TimeZone
    /// How long after the start the server may still start the deployment (template: one hour).
    public var expiry: TimeInterval

    /// Creates a parser.
    /// - Parameters:
    ///   - timeZone: zone for wall-clock times (default: the machine's zone).
    ///   - expiry: `QueueTimeExpiry` − `QueueTime` in seconds (default 3600).
    public init(timeZone: TimeZone = .current, expiry: TimeInterval = 3600) {
        self.timeZone = timeZone
        self.expiry = expiry
    }

    /// Parses `text` relative to `now`.
    /// - Returns: nil for blank or `N/A`.
    /// - Throws: `OrchestrationError.unparseableSchedule`, `.unknownTimeZone` or `.scheduleInPast`.
    public func parse(_ text: String, now: Date) throws -> Schedule? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty || trimmed.caseInsensitiveCompare("N/A") == .orderedSame { return nil }
        var (body, zone) = try splitZone(trimmed)
        let zoneWasNamed = body.count != trimmed.count
        body = body.lowercased().replacing(/\s+/, with: " ")

        let start: Date
        if let relative = Self.relativeInterval(body) {
            start = now.addingTimeInterval(relative)
        } else if let absolute = try absoluteDate(body, zone: &zone, now: now) {
            start = absolute
        } else {
            throw OrchestrationError.unparseableSchedule(trimmed)
        }
        guard start > now else {
            throw OrchestrationError.scheduleInPast(
                text: trimmed, resolved: Schedule.format(start, in: zone), now: Schedule.format(now, in: zone),
                suggestion: Self.futureSuggestion(text: trimmed, body: body, start: start, now: now, zone: zone, zoneWasNamed: zoneWasNamed))
        }
        return Schedule(queueTime: start, queueTimeExpiry: start.addingTimeInterval(expiry), timeZoneIdentifier: zone.identifier)
    }

    /// A text this parser reads as the next time with the same time of day: `tomorrow 21:00` for a time of day,
    /// else that date written out (`2021-01-15 21:00:00`, with the zone when one was named).
    static func futureSuggestion(text: String, body: String, start: Date, now: Date, zone: TimeZone, zoneWasNamed: Bool) -> String {
        if timeOfDay(body) != nil { return "tomorrow \(text)" }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let time = calendar.dateComponents([.hour, .minute, .second], from: start)
        var next = calendar.nextDate(after: now, matching: time, matchingPolicy: .nextTime) ?? now.addingTimeInterval(86_400)
        if next <= now { next = next.addingTimeInterval(86_400) }
        let formatted = Schedule.format(next, in: zone)
        let dateAndTime = String(formatted.prefix(19))
        return zoneWasNamed ? "\(dateAndTime) \(zone.identifier)" : dateAndTime
    }

    /// Separates a trailing zone name (`UTC`, `GMT`, `Area/City`) from the time text.
    private func splitZone(_ text: String) throws -> (String, TimeZone) {
        guard let space = text.lastIndex(of: " ") else { return (text, timeZone) }
        let last = String(text[text.index(after: space)...])
        let looksLikeZone = ["utc", "gmt", "z"].contains(last.lowercased())
            || (last.contains("/") && last.contains(where: \.isLetter))
        guard looksLikeZone else { return (text, timeZone) }
        let identifier = switch last.lowercased() {
        case "z", "utc": "UTC"
        case "gmt": "GMT"
        default: last
        }
        guard let zone = TimeZone(identifier: identifier) else {
            throw OrchestrationError.unknownTimeZone(last)
        }
        return (String(text[..<space]).trimmingCharacters(in: .whitespaces), zone)
    }

    /// `+2h`, `+1d2h30m`, `+ 1:30`, `+ 15`.
    static func relativeInterval(_ text: String) -> TimeInterval? {
        guard text.hasPrefix("+") else { return nil }
        let rest = text.dropFirst().replacing(" ", with: "")
        if let m = rest.wholeMatch(of: /(\d+)/) { return Double(m.1).map { $0 * 60 } }
        if let m = rest.wholeMatch(of: /(\d+):(\d{2})/), let h = Double(m.1), let mm = Double(m.2) { return h * 3600 + mm * 60 }
        var total: TimeInterval = 0
        var remaining = Substring(rest)
        let unit = /(\d+)(days|day|d|hours|hour|hrs|hr|h|minutes|minute|mins|min|m|seconds|second|secs|sec|s)/
        while !remaining.isEmpty {
            guard let m = remaining.prefixMatch(of: unit), let value = Double(m.1) else { return nil }
            let seconds: Double = switch m.2.first {
            case "d": 86_400
            case "h": 3600
            case "m": 60
            default: 1
            }
            total += value * seconds
            remaining = remaining[m.range.upperBound...]
        }
        return total > 0 ? total : nil
    }

    private func absoluteDate(_ text: String, zone: inout TimeZone, now: Date) throws -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone

        // ISO 8601 with an explicit offset.
        if let m = text.wholeMatch(of: /(\d{4})-(\d{1,2})-(\d{1,2})t(\d{1,2}):(\d{2})(?::(\d{2}))?(z|[+-]\d{2}:?\d{2})?/) {
            if let offsetText = m.7 {
                guard let offsetZone = Self.offsetZone(String(offsetText)) else { return nil }
                zone = offsetZone
                calendar.timeZone = offsetZone
            }
            return Self.date(calendar, Int(m.1), Int(m.2), Int(m.3), (Int(m.4), Int(m.5), m.6.flatMap { Int($0) }))
        }

        // today / tomorrow + time of day.
        if let m = text.wholeMatch(of: /(today|tomorrow) (.+)/) {
            guard let time = Self.timeOfDay(String(m.2)) else { return nil }
            let base = m.1 == "today" ? now : calendar.date(byAdding: .day, value: 1, to: now) ?? now
            let day = calendar.dateComponents([.year, .month, .day], from: base)
            return Self.date(calendar, day.year, day.month, day.day, time)
        }

        // A date, optionally followed by a time.
        let parts = Self.splitDateAndTime(text)
        if let (year, month, day) = Self.calendarDay(parts.date) {
            var time: (Int?, Int?, Int?) = (0, 0, 0)
            if let timeText = parts.time {
                guard let parsed = Self.timeOfDay(timeText) else { return nil }
                time = parsed
            }
            return Self.date(calendar, year, month, day, time)
        }

        // A time of day alone: today (no roll-over, as the template; a past time is reported).
        if let time = Self.timeOfDay(text) {
            let day = calendar.dateComponents([.year, .month, .day], from: now)
            return Self.date(calendar, day.year, day.month, day.day, time)
        }
        return nil
    }

    /// Splits `2021-01-14 21:00:00` or `01 jan 2021 18:00` into the date text and the time text.
    private static func splitDateAndTime(_ text: String) -> (date: String, time: String?) {
        let words = text.split(separator: " ").map(String.init)
        // "01 jan 2021 ..." takes three words for the date, every other date form one.
        let dateWords = words.count >= 3 && monthNumber(words[1]) != nil ? 3 : 1
        guard words.count > dateWords else { return (text, nil) }
        return (words[..<dateWords].joined(separator: " "), words[dateWords...].joined(separator: " "))
    }

    private static func calendarDay(_ text: String) -> (Int, Int, Int)? {
        if let m = text.wholeMatch(of: /(\d{4})[-\/](\d{1,2})[-\/](\d{1,2})/),
           let y = Int(m.1), let mo = Int(m.2), let d = Int(m.3) { return (y, mo, d) }
        if let m = text.wholeMatch(of: /(\d{1,2})\/(\d{1,2})\/(\d{4})/),
           let mo = Int(m.1), let d = Int(m.2), let y = Int(m.3) { return (y, mo, d) }
        if let m = text.wholeMatch(of: /(\d{1,2}) ([a-z]+) (\d{4})/),
           let d = Int(m.1), let mo = monthNumber(String(m.2)), let y = Int(m.3) { return (y, mo, d) }
        return nil
    }

    /// `21:00`, `21:00:00`, `7:00 pm`, `7pm`, `7 pm`.
    static func timeOfDay(_ text: String) -> (Int?, Int?, Int?)? {
        guard let m = text.wholeMatch(of: /(\d{1,2})(?::(\d{2}))?(?::(\d{2}))? ?(am|pm)?/),
              var hour = Int(m.1) else { return nil }
        let minute = m.2.flatMap { Int($0) } ?? 0
        let second = m.3.flatMap { Int($0) } ?? 0
        // A bare number is not a time ("7" could be anything): require a colon or AM/PM.
        guard m.2 != nil || m.4 != nil else { return nil }
        if let meridiem = m.4 {
            guard (1...12).contains(hour) else { return nil }
            if meridiem == "am" && hour == 12 { hour = 0 }
            if meridiem == "pm" && hour != 12 { hour += 12 }
        }
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
        return (hour, minute, second)
    }

    private static func monthNumber(_ word: String) -> Int? {
        let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let lower = word.lowercased()
        guard lower.count >= 3 else { return nil }
        return names.firstIndex { lower.hasPrefix($0) }.map { $0 + 1 }
    }

    private static func offsetZone(_ text: String) -> TimeZone? {
        if text == "z" { return TimeZone(identifier: "UTC") }
        let digits = text.dropFirst().replacing(":", with: "")
        guard digits.count == 4, let h = Int(digits.prefix(2)), let m = Int(digits.suffix(2)) else { return nil }
        let seconds = (h * 3600 + m * 60) * (text.hasPrefix("-") ? -1 : 1)
        return TimeZone(secondsFromGMT: seconds)
    }

    /// Builds a date, refusing impossible calendar days (e.g. 31 February) instead of letting them roll over.
    private static func date(_ calendar: Calendar, _ year: Int?, _ month: Int?, _ day: Int?, _ time: (Int?, Int?, Int?)) -> Date? {
        let components = DateComponents(year: year, month: month, day: day, hour: time.0, minute: time.1, second: time.2)
        guard let date = calendar.date(from: components) else { return nil }
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        guard back.year == year, back.month == month, back.day == day else { return nil }
        return date
    }
}
