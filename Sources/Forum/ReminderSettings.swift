/// forum.yaml's `reminders:`: where `imrf remind` sends its e-mail from, and
/// when (README, "Reminders by e-mail").
public struct ReminderSettings: Sendable, Hashable {
    /// Working days before the due moment at which a reminder goes out; a
    /// negative stage is after it (-1: the first working day after the due date).
    public static let defaultStages = [5, 2, 0, -1]

    /// The mail server: `smtp://host[:port]` (STARTTLS required) or
    /// `smtps://host[:port]` (TLS from the start); never credentials.
    public var smtp: String
    /// The sender's address.
    public var from: String
    /// Where replies go: the office's own address unless forum.yaml says otherwise.
    public var replyTo: String?
    /// The office's address, which gets one digest per deliverable and stage.
    public var office: String
    /// Distinct, largest first.
    public var stages: [Int]
    /// A file (its owner alone may read it) with `user:` and `password:`
    /// lines; otherwise `IMRF_SMTP_USER` and `IMRF_SMTP_PASSWORD`.
    public var credentialsFile: String?
    /// Where people submit their notes (the web service's address), for
    /// the message's "how to submit".
    public var submitURL: String?

    public init(
        smtp: String, from: String, replyTo: String? = nil, office: String, stages: [Int] = Self.defaultStages,
        credentialsFile: String? = nil, submitURL: String? = nil
    ) {
        self.smtp = smtp
        self.from = from
        self.replyTo = replyTo
        self.office = office
        self.stages = Array(Set(stages)).sorted(by: >)
        self.credentialsFile = credentialsFile
        self.submitURL = submitURL
    }

    /// A plain address, `name@domain`: one `@` with text on both sides, no
    /// white space, angle brackets, commas or control characters (each of
    /// which could add a recipient or a header to a message).
    public static func isMailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
            text.utf8.count <= 254
        else { return false }
        return !text.unicodeScalars.contains { scalar in
            scalar.properties.isWhitespace || scalar.value < 0x20 || scalar.value == 0x7F || "<>,;\"()[]\\".unicodeScalars.contains(scalar)
        }
    }

    /// The host of `smtp`, lowercased; nil when it is not an smtp(s) URL.
    public var host: String? {
        guard let schemeEnd = smtp.range(of: "://") else { return nil }
        var rest = smtp[schemeEnd.upperBound...]
        if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") { return String(rest[rest.index(after: rest.startIndex)..<close]).lowercased() }
        if let colon = rest.lastIndex(of: ":") { rest = rest[..<colon] }
        return rest.isEmpty ? nil : rest.lowercased()
    }
}
