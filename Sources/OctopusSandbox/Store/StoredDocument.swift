import GRDB
import OctopusModel

/// A model type the store keeps as a JSON document in its ``DocumentTable``.
///
/// Conformances live in the sandbox (the model module knows nothing of storage), one
/// `Type+StoredDocument` extension per resource file.
package protocol StoredDocument: Codable, Sendable {
    /// The table holding documents of this type.
    static var table: DocumentTable { get }
    /// The document's `Id`.
    var storageID: String { get }
    /// The document's `SpaceId` (nil for system documents such as users).
    var storageSpaceID: String? { get }
    /// The document's `Name` (nil when it has none).
    var storageName: String? { get }
    /// Values of the table's extra ``DocumentTable/columns``, by column name.
    var storageColumns: [String: DatabaseValue] { get }
}

extension StoredDocument {
    package var storageColumns: [String: DatabaseValue] { [:] }
}

extension Optional where Wrapped: DatabaseValueConvertible {
    /// The value, or SQL NULL.
    var storageValue: DatabaseValue { self?.databaseValue ?? .null }
}

extension OctopusID: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { rawValue.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Self? {
        String.fromDatabaseValue(dbValue).map(Self.init(rawValue:))
    }
}
