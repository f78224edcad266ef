import Foundation

/// When the server should start a child deployment: Octopus `QueueTime` and `QueueTimeExpiry` (§5.20, §5.22).
///
/// The server runs the schedule; Conductor never keeps a timer of its own.
public struct Schedule: Sendable, Hashable, Codable {
    /// The earliest start.
    public var queueTime: Date
    /// The latest start; the template uses `queueTime` + 1 hour.
    public var queueTimeExpiry: Date
    /// The time zone the schedule was read in, used to echo it back.
    public var timeZoneIdentifier: String

    /// Creates a schedule.
    public init(queueTime: Date, queueTimeExpiry: Date, timeZoneIdentifier: String) {
        self.queueTime = queueTime
        self.queueTimeExpiry = queueTimeExpiry
        self.timeZoneIdentifier = timeZoneIdentifier
    }

    /// The start as an absolute local time with its UTC offset, e.g. `2021-01-14 21:00:00 +01:00`.
    public var absoluteText: String {
        Self.format(queueTime, in: TimeZone(identifier: timeZoneIdentifier) ?? .gmt)
    }

    /// The echo of §14 of the shell conventions: absolute time with offset and how far away it is,
    /// e.g. `2021-01-14 21:00:00 +01:00 (Europe/Berlin), starts in 4h 30m`.
    public func echo(now: Date) -> String {
        "\(absoluteText) (\(timeZoneIdentifier)), starts in \(Self.durationText(queueTime.timeIntervalSince(now)))"
    }

    /// Formats `date` as `yyyy-MM-dd HH:mm:ss ±hh:mm` in `zone`, independent of the machine's locale.
    static func format(_ date: Date, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let offset = zone.secondsFromGMT(for: date)
        let sign = offset < 0 ? "-" : "+"
        let hours = abs(offset) / 3600, minutes = abs(offset) % 3600 / 60
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(String(format: "%04d", c.year ?? 0))-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute)):\(two(c.second)) \(sign)\(two(hours)):\(two(minutes))"
    }

    /// A short human duration: `1d 2h`, `4h 30m`, `12m`, `45s`.
    static func durationText(_ interval: TimeInterval) -> String {
        let total = max(0, Int(interval.rounded()))
        let days = total / 86_400, hours = total % 86_400 / 3600, minutes = total % 3600 / 60, seconds = total % 60
        let parts: [(Int, String)] = [(days, "d"), (hours, "h"), (minutes, "m")]
        let shown = parts.drop { $0.0 == 0 }.prefix(2).filter { $0.0 > 0 }.map { "\($0.0)\($0.1)" }
        return shown.isEmpty ? "\(seconds)s" : shown.joined(separator: " ")
    }
}
