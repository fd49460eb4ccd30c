/// A value encoded as its text (`"2022-06-06"`, `"Mon-Fri"`): the form
/// people write in files and every JSON consumer expects. Decoding text
/// that does not parse is a `DecodingError` naming the form expected.
public protocol CodableAsText: Codable, LosslessStringConvertible {
    /// What the text must look like, for the error: `a date of the form YYYY-MM-DD`.
    static var textForm: String { get }
}

extension CodableAsText {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not \(Self.textForm)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
