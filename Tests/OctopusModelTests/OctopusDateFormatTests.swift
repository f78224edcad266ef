import Foundation
import OctopusModel
import Testing

@Suite("Octopus date format")
struct OctopusDateFormatTests {
    /// 2024-08-02T05:07:42.445Z as seconds since 1970.
    static let sample = 1_722_575_262.445

    @Test(arguments: [
        ("2024-08-02T05:07:42.445+00:00", sample),
        ("2024-08-02T05:07:42.445Z", sample),
        ("2024-08-02T05:07:42.4450000+00:00", sample),
        ("2024-08-02T15:07:42.445+10:00", sample),
        ("2024-08-01T23:37:42.445-05:30", sample),
        ("2024-08-02T05:07:42.445+0000", sample),
        ("2024-08-02T05:07:42Z", 1_722_575_262.0),
        ("2024-08-02T05:07:42", 1_722_575_262.0),
        ("2024-08-02T05:07Z", 1_722_575_220.0),
        ("1970-01-01T00:00:00.000+00:00", 0.0),
        ("2000-02-29T12:00:00Z", 951_825_600.0),
    ])
    func parsesOctopusAndISOVariants(text: String, seconds: Double) throws {
        let date = try #require(OctopusDateFormat.date(from: text))
        #expect(abs(date.timeIntervalSince1970 - seconds) < 0.0005)
    }

    @Test(arguments: ["", "yesterday", "2024-13-02T05:07:42Z", "2024-08-02", "2024-08-02T05:07:42.Z", "2024-08-02T05:07:42+", "2024-08-02T05:07:42Zjunk"])
    func rejectsNonDates(text: String) {
        #expect(OctopusDateFormat.date(from: text) == nil)
    }

    @Test(arguments: [
        (sample, "2024-08-02T05:07:42.445+00:00"),
        (0.0, "1970-01-01T00:00:00.000+00:00"),
        (951_825_600.5, "2000-02-29T12:00:00.500+00:00"),
        (-1.0, "1969-12-31T23:59:59.000+00:00"),
        (1e300, "9999-12-31T23:59:59.999+00:00"),
        (-1e300, "0001-01-01T00:00:00.000+00:00"),
        (Double.infinity, "9999-12-31T23:59:59.999+00:00"),
    ])
    func formatsWithMillisecondsAndOffset(seconds: Double, text: String) {
        #expect(OctopusDateFormat.string(from: Date(timeIntervalSince1970: seconds)) == text)
    }

    @Test func roundTripsThroughJSON() throws {
        struct Stamp: Codable, Equatable {
            var at: Date
            var missing: Date?
        }
        let stamp = Stamp(at: Date(timeIntervalSince1970: Self.sample), missing: nil)
        let data = try OctopusJSON.encode(stamp)
        #expect(String(decoding: data, as: UTF8.self) == #"{"at":"2024-08-02T05:07:42.445+00:00"}"#)
        #expect(try OctopusJSON.decode(Stamp.self, from: data) == stamp)
        #expect(throws: DecodingError.self) {
            try OctopusJSON.decode(Stamp.self, from: Data(#"{"at":"not a date"}"#.utf8))
        }
    }
}
