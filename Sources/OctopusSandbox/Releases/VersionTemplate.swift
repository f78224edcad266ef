import Foundation

/// Octopus's release versioning template (`VersioningStrategy.Template`), e.g.
/// `#{Octopus.Version.LastMajor}.#{Octopus.Version.LastMinor}.#{Octopus.Version.NextPatch}`: the
/// `Last*`/`Next*` variables read the components of the last release's version.
enum VersionTemplate {
    /// Octopus's default template.
    static let standard = "#{Octopus.Version.LastMajor}.#{Octopus.Version.LastMinor}.#{Octopus.Version.NextPatch}"

    /// The next version after `last` (nil: no release yet, every `Last*` is 0) under `template`.
    static func next(after last: String?, template: String?) -> String {
        let components = last.flatMap(ChannelVersionRules.Version.init)?.parts ?? []
        func component(_ index: Int) -> Int { index < components.count ? components[index] : 0 }
        var text = template.flatMap { $0.isEmpty ? nil : $0 } ?? standard
        let names = ["Major", "Minor", "Patch", "Build"]
        for (index, name) in names.enumerated() {
            text = text.replacingOccurrences(of: "#{Octopus.Version.Last\(name)}", with: String(component(index)))
            let (next, overflow) = component(index).addingReportingOverflow(1)
            text = text.replacingOccurrences(
                of: "#{Octopus.Version.Next\(name)}", with: String(overflow ? component(index) : next))
        }
        return text
    }
}
