public import Foundation

/// The one JSON form of everything imrf prints or stores as JSON: keys
/// sorted (stable output a script can diff), slashes unescaped (paths and
/// URLs read as typed), dates as ISO 8601 instants.
public enum JSONOutput {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// `value` as one line of JSON text.
    public static func string(_ value: some Encodable) throws -> String {
        String(decoding: try encoder().encode(value), as: UTF8.self)
    }
}
