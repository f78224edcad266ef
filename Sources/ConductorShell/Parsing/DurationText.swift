import Foundation

/// Reads durations as the shell and `conductor promote` write them: `1800` (seconds), `90s`, `30m`, `2h`, `1h30m`.
public enum DurationText {
    /// The longest accepted duration: a week (a wait longer than that is a mistake, not a plan).
    public static let maximum: Double = 7 * 24 * 3600

    /// What to write instead of a bad duration.
    public static let hint = "use seconds (1800) or a duration such as 90s, 30m, 2h or 1h30m, at most 7 days"

    /// Seconds, or nil when `text` is not a positive duration of at most `maximum`.
    public static func seconds(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !trimmed.isEmpty, trimmed.count <= 32 else { return nil }
        if let plain = Double(trimmed), trimmed.allSatisfy({ $0.isNumber || $0 == "." }) {
            return plain > 0 && plain <= maximum ? plain : nil
        }
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86400]
        var total = 0.0
        var number = ""
        for character in trimmed {
            if character.isNumber || character == "." {
                number.append(character)
            } else if let unit = units[character], let value = Double(number) {
                total += value * unit
                number = ""
            } else {
                return nil
            }
        }
        guard number.isEmpty, total > 0, total <= maximum else { return nil }
        return total
    }

    /// `90 s`, `30 min`, `2 h 5 min` for messages.
    public static func describe(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 { return whole % 60 == 0 ? "\(whole / 60) min" : "\(whole / 60) min \(whole % 60) s" }
        let minutes = whole % 3600 / 60
        return minutes == 0 ? "\(whole / 3600) h" : "\(whole / 3600) h \(minutes) min"
    }
}
