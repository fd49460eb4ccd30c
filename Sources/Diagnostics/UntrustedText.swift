/// Text that came from a user's file, the ledger or the network, made safe
/// to show in a terminal.
///
/// A terminal obeys control characters: ESC starts sequences that clear the
/// screen, retitle the window or plant links; a line break in a name adds a
/// line that looks like imrf's own. Bidirectional overrides and isolates
/// make text display in an order other than the one it is stored in.
public enum UntrustedText {
    /// Whether `scalar` is refused in a value and escaped on output: C0
    /// controls but TAB, DEL, C1 controls, and the bidirectional
    /// embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069).
    ///
    /// Allowed: the marks U+200E, U+200F and U+061C, which Arabic and Hebrew
    /// names need and which only set the direction of the neutral
    /// characters next to them; and U+2028 and U+2029, which terminals show
    /// as text, not as line breaks.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: false
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// The first unsafe character of `text`, if any.
    public static func firstUnsafe(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first(where: isUnsafe)
    }

    /// `U+001B ESCAPE`, `U+202E RIGHT-TO-LEFT OVERRIDE`: the code point and
    /// the name, for messages.
    public static func name(of scalar: Unicode.Scalar) -> String {
        let code =
            "U+" + String(repeating: "0", count: max(0, 4 - String(scalar.value, radix: 16).count))
            + String(scalar.value, radix: 16, uppercase: true)
        let name: String? =
            switch scalar.value {
            case 0x00..<0x20: controlNames[Int(scalar.value)]
            case 0x7F: "DELETE"
            case 0x85: "NEXT LINE"
            case 0x80...0x9F: "CONTROL"
            default: scalar.properties.name
            }
        return name.map { code + " " + $0 } ?? code
    }

    private static let controlNames = [
        "NULL", "START OF HEADING", "START OF TEXT", "END OF TEXT", "END OF TRANSMISSION", "ENQUIRY",
        "ACKNOWLEDGE", "BELL", "BACKSPACE", "CHARACTER TABULATION", "LINE FEED", "LINE TABULATION",
        "FORM FEED", "CARRIAGE RETURN", "SHIFT OUT", "SHIFT IN", "DATA LINK ESCAPE", "DEVICE CONTROL ONE",
        "DEVICE CONTROL TWO", "DEVICE CONTROL THREE", "DEVICE CONTROL FOUR", "NEGATIVE ACKNOWLEDGE",
        "SYNCHRONOUS IDLE", "END OF TRANSMISSION BLOCK", "CANCEL", "END OF MEDIUM", "SUBSTITUTE", "ESCAPE",
        "FILE SEPARATOR", "GROUP SEPARATOR", "RECORD SEPARATOR", "UNIT SEPARATOR",
    ]

    /// `text` with every unsafe character shown as `<U+001B>`, so that it
    /// prints as one line of inert text. Text without one is returned as is.
    public static func escaped(_ text: String) -> String {
        guard firstUnsafe(in: text) != nil else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                result += "<" + name(of: scalar).prefix { $0 != " " } + ">"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
