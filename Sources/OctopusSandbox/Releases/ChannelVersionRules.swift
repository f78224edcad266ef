import Foundation
import OctopusModel

/// Checks package versions against a channel's version rules: a NuGet version range
/// (`[1.0,2.0)`, `(,1.5]`, `1.0` = at least 1.0) and a pre-release tag regular expression (`^$` =
/// no pre-release tag).
package enum ChannelVersionRules {
    /// A dotted numeric version with an optional pre-release tag, ordered numerically.
    package struct Version: Comparable, Sendable {
        package var parts: [Int]
        package var tag: String

        /// Parses `1.2.3`, `2021.1.0.15`, `1.0.0-beta.1` (build metadata after `+` ignored); nil
        /// when it is not a version number.
        package init?(_ text: String) {
            let withoutMetadata = text.split(separator: "+", maxSplits: 1, omittingEmptySubsequences: false)[0]
            let pieces = withoutMetadata.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
            let numbers = pieces[0].split(separator: ".", omittingEmptySubsequences: false)
            guard (1...4).contains(numbers.count) else { return nil }
            var parts: [Int] = []
            for number in numbers {
                guard !number.isEmpty, number.allSatisfy(\.isNumber), let value = Int(number) else { return nil }
                parts.append(value)
            }
            self.parts = parts
            tag = pieces.count == 2 ? String(pieces[1]) : ""
            if pieces.count == 2 && tag.isEmpty { return nil }
        }

        package static func < (lhs: Self, rhs: Self) -> Bool {
            let count = max(lhs.parts.count, rhs.parts.count)
            let left = lhs.parts + Array(repeating: 0, count: count - lhs.parts.count)
            let right = rhs.parts + Array(repeating: 0, count: count - rhs.parts.count)
            if left != right { return left.lexicographicallyPrecedes(right) }
            // A pre-release sorts before its release.
            if lhs.tag.isEmpty != rhs.tag.isEmpty { return !lhs.tag.isEmpty }
            return lhs.tag < rhs.tag
        }

        package static func == (lhs: Self, rhs: Self) -> Bool { !(lhs < rhs) && !(rhs < lhs) }
    }

    /// True when `version` satisfies the NuGet range (an empty or nil range allows everything).
    package static func version(_ version: Version, satisfies range: String?) -> Bool {
        guard let range = range?.trimmingCharacters(in: .whitespaces), !range.isEmpty else { return true }
        guard let first = range.first, "[(".contains(first), let last = range.last, "])".contains(last) else {
            return Version(range).map { version >= $0 } ?? false
        }
        let inner = range.dropFirst().dropLast()
        let bounds = inner.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        if bounds.count == 1 {
            // [1.0] means exactly 1.0.
            return Version(bounds[0]).map { version == $0 } ?? false
        }
        guard bounds.count == 2 else { return false }
        if !bounds[0].isEmpty {
            guard let lower = Version(bounds[0]) else { return false }
            if first == "[" ? version < lower : version <= lower { return false }
        }
        if !bounds[1].isEmpty {
            guard let upper = Version(bounds[1]) else { return false }
            if last == "]" ? version > upper : version >= upper { return false }
        }
        return true
    }

    /// True when the pre-release tag matches the rule's regular expression (nil/empty = any tag).
    package static func tag(_ tag: String, matches pattern: String?) -> Bool {
        guard let pattern, !pattern.isEmpty else { return true }
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return false }
        return expression.firstMatch(in: tag, range: NSRange(tag.startIndex..., in: tag)) != nil
    }

    /// The steps whose selected package versions break one of the channel's rules.
    package static func violations(of packages: [SelectedPackage], channel: Channel) -> [String] {
        var broken: [String] = []
        for rule in channel.rules {
            let actions = Set(rule.actionPackages.map(\.deploymentAction))
            for package in packages where actions.contains(package.actionName) {
                guard let version = Version(package.version),
                    self.version(version, satisfies: rule.versionRange), tag(version.tag, matches: rule.tag)
                else {
                    broken.append(package.actionName)
                    continue
                }
            }
        }
        return broken
    }
}
