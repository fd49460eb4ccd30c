public import Foundation

/// One e-mail: a plain-text part and an HTML part with the same words
/// (multipart/alternative), UTF-8, as RFC 5322 and MIME (RFC 2045-2047) write it.
public struct MailMessage: Sendable, Hashable {
    public var from: MailAddress
    public var to: MailAddress
    public var replyTo: MailAddress?
    public var subject: String
    public var date: Date
    /// `<...@domain>`.
    public var messageID: String
    public var text: String
    /// A complete HTML document; everything in it from a person or a note already escaped.
    public var html: String

    public init(
        from: MailAddress, to: MailAddress, replyTo: MailAddress?, subject: String, date: Date, messageID: String, text: String, html: String
    ) {
        self.from = from
        self.to = to
        self.replyTo = replyTo
        self.subject = subject
        self.date = date
        self.messageID = messageID
        self.text = text
        self.html = html
    }

    /// A new Message-ID under `domain`: 128 random bits, so no two messages share one.
    public static func newMessageID(domain: String) -> String {
        "<imrf.\(randomHex(bytes: 16))@\(domain)>"
    }

    static func randomHex(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// The message as sent: headers, then the two parts, CRLF line ends.
    /// `boundary` only for tests; a random one otherwise.
    public func rendered(boundary: String? = nil) -> String {
        let boundary = boundary ?? "imrf-" + Self.randomHex(bytes: 12)
        var lines = [
            "Date: \(Self.rfc5322Date(date))",
            "From: \(from.header(headerLength: 6))",
            "To: \(to.header(headerLength: 4))",
        ]
        if let replyTo { lines.append("Reply-To: \(replyTo.header(headerLength: 10))") }
        lines += [
            "Message-ID: \(messageID)",
            "Subject: \(MailEncoding.unstructured(subject, headerLength: "Subject: ".count))",
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"",
            "Auto-Submitted: auto-generated",
            "",
            "--\(boundary)",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            MailEncoding.quotedPrintable(text),
            "--\(boundary)",
            "Content-Type: text/html; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            MailEncoding.quotedPrintable(html),
            "--\(boundary)--",
            "",
        ]
        return lines.joined(separator: "\r\n")
    }

    /// `Mon, 30 Nov 2026 15:04:05 +0000`.
    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, d MMM yyyy HH:mm:ss +0000"
        return formatter.string(from: date)
    }
}
