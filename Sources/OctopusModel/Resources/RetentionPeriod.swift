/// How long releases or files are kept (`RetentionPeriod`).
@PascalCaseCodingKeys public struct RetentionPeriod: Codable, Sendable, Equatable {
    /// `Days` or `Items`.
    public var unit: RetentionUnit
    public var quantityToKeep: Int
    /// True when `QuantityToKeep` is 0.
    public var shouldKeepForever: Bool

    public init(unit: RetentionUnit = .days, quantityToKeep: Int = 0, shouldKeepForever: Bool? = nil) {
        self.unit = unit
        self.quantityToKeep = quantityToKeep
        self.shouldKeepForever = shouldKeepForever ?? (quantityToKeep == 0)
    }

    /// Keep everything (Octopus's default policy).
    public static let keepForever = RetentionPeriod(unit: .days, quantityToKeep: 0)
}

/// `RetentionPeriod.Unit`.
public enum RetentionUnit: String, Codable, Sendable, Equatable, CaseIterable {
    case days = "Days"
    case items = "Items"
}
