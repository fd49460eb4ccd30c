/// The one-line progress bar `imrf upload` redraws on a terminal.
///
/// A value type that only formats, so the drawing is testable without a
/// terminal; the command decides whether stderr is one (never on a pipe,
/// where the bar's carriage returns would be noise in a log or a cron mail).
public struct ProgressBar: Sendable, Hashable {
    /// Characters between the brackets.
    public var width: Int

    public init(width: Int = 30) {
        self.width = max(1, width)
    }

    /// `[=========>          ]  45%   450.0 MiB / 1.0 GiB` for `sent` of `total` bytes.
    public func line(sent: Int64, total: Int64) -> String {
        let fraction = total > 0 ? min(1, max(0, Double(sent) / Double(total))) : 1
        let filled = Int((fraction * Double(width)).rounded(.down))
        var bar = String(repeating: "=", count: filled)
        if filled < width {
            bar += ">" + String(repeating: " ", count: width - filled - 1)
        }
        let percent = Int((fraction * 100).rounded(.down))
        let percentText = String(repeating: " ", count: 3 - String(percent).count) + "\(percent)%"
        return "[\(bar)] \(percentText)  \(Self.size(sent)) / \(Self.size(total))"
    }

    /// Bytes in binary units with one decimal (`512 B`, `1.5 KiB`, `1.0 GiB`).
    public static func size(_ bytes: Int64) -> String {
        let units = ["KiB", "MiB", "GiB", "TiB"]
        guard bytes >= 1024 else { return "\(bytes) B" }
        var value = Double(bytes) / 1024
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) \(units[unit])"
    }
}
