/// A mailbox: a plain address and, for people, their name.
public struct MailAddress: Sendable, Hashable {
    public var name: String?
    public var address: String

    /// Nil when `address` could break the message or the SMTP envelope:
    /// not one `@` with text either side, or white space, a control
    /// character, an angle bracket, a comma or a quote in it.
    public init?(_ address: String, name: String? = nil) {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, address.utf8.count <= 254,
            !address.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || "<>,;\"()[]\\".unicodeScalars.contains($0) })
        else { return nil }
        self.address = address
        self.name = name.map { String($0.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The domain after `@`, for Message-IDs.
    public var domain: String { String(address.split(separator: "@").last ?? "") }

    /// `"Jane Doe" <jane@example.org>`, the name as RFC 2047 encoded words
    /// when it is not plain ASCII, folded so that no line of the header
    /// (`headerLength` characters before it) is longer than 78.
    func header(headerLength: Int) -> String {
        let tokens = (name.map { MailEncoding.phraseTokens($0) } ?? []) + ["<\(address)>"]
        var result = ""
        var column = headerLength
        for token in tokens {
            if result.isEmpty {
                result = token
                column += token.count
            } else if column + 1 + token.count <= 78 {
                result += " " + token
                column += 1 + token.count
            } else {
                result += "\r\n " + token
                column = 1 + token.count
            }
        }
        return result
    }

    /// `Jane Doe <jane@example.org>`, for people.
    public var display: String { name.map { "\($0) <\(address)>" } ?? address }
}
