/// The number of lines in a file as an editor shows them: lines end at LF,
/// CR LF or a lone CR (as in CommonMark and YAML); the last line need not end.
public enum LineCount {
    public static func of(_ bytes: [UInt8]) -> Int {
        var count = 1
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && bytes.dropFirst(index + 1).first != UInt8(ascii: "\n")) {
                count += 1
            }
        }
        return count
    }
}
