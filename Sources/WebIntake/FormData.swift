import Foundation

/// The fields of a posted form: `application/x-www-form-urlencoded` or
/// `multipart/form-data` (a `.md` file uploaded with the note's fields).
/// Values stay in memory; nothing of them names a file on disk.
struct FormData: Sendable {
    struct Field: Sendable {
        var name: String
        var value: [UInt8]
        /// The uploaded file's name, for a file field; only ever shown, escaped.
        var fileName: String?
    }

    var fields: [Field] = []

    /// The first text value of `name`.
    subscript(_ name: String) -> String? {
        fields.first { $0.name == name }.map { String(decoding: $0.value, as: UTF8.self) }
    }

    /// Every text value of `name` (checkboxes).
    func all(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map { String(decoding: $0.value, as: UTF8.self) }
    }

    /// The uploaded file of `name`, when one was chosen.
    func file(_ name: String) -> Field? {
        fields.first { $0.name == name && $0.fileName != nil && !($0.fileName ?? "").isEmpty }
    }

    /// Nil when the content type is neither form encoding, or the body is malformed.
    static func parse(contentType: String?, body: [UInt8]) -> FormData? {
        guard let contentType else { return nil }
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        switch parts.first?.lowercased() {
        case "application/x-www-form-urlencoded":
            return urlEncoded(body)
        case "multipart/form-data":
            guard let boundary = parts.dropFirst().compactMap(Self.boundary).first else { return nil }
            return multipart(body, boundary: Array(boundary.utf8))
        default:
            return nil
        }
    }

    private static func boundary(_ parameter: String) -> String? {
        guard parameter.lowercased().hasPrefix("boundary=") else { return nil }
        var value = String(parameter.dropFirst("boundary=".count))
        if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
        return (1...70).contains(value.utf8.count) ? value : nil
    }

    static func urlEncoded(_ body: [UInt8]) -> FormData {
        var form = FormData()
        for pair in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let halves = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(decoding: percentDecoded(halves[0]), as: UTF8.self)
            form.fields.append(Field(name: name, value: halves.count > 1 ? percentDecoded(halves[1]) : []))
        }
        return form
    }

    static func percentDecoded(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                out.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), bytes.distance(from: index, to: bytes.endIndex) >= 3,
                let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
            {
                out.append(high << 4 | low)
                index += 2
            } else {
                out.append(byte)
            }
            index += 1
        }
        return out
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// RFC 7578: parts between `--boundary` lines, each with its headers,
    /// a blank line, then its bytes up to the CRLF before the next boundary.
    static func multipart(_ body: [UInt8], boundary: [UInt8]) -> FormData? {
        let delimiter = Array("--".utf8) + boundary
        let separator = Array("\r\n".utf8) + delimiter
        guard let first = find(delimiter, in: body, from: 0) else { return nil }
        var form = FormData()
        var position = first + delimiter.count
        while true {
            // After a delimiter: "--" ends the body, else CRLF and a part.
            if body.count >= position + 2, body[position] == UInt8(ascii: "-"), body[position + 1] == UInt8(ascii: "-") { return form }
            guard body.count >= position + 2, body[position] == 13, body[position + 1] == 10 else { return nil }
            let headersStart = position + 2
            guard let headersEnd = find(Array("\r\n\r\n".utf8), in: body, from: headersStart),
                let next = find(separator, in: body, from: headersEnd + 4)
            else { return nil }
            let headers = String(decoding: body[headersStart..<headersEnd], as: UTF8.self)
            guard let (name, fileName) = disposition(headers) else { return nil }
            form.fields.append(Field(name: name, value: Array(body[(headersEnd + 4)..<next]), fileName: fileName))
            if form.fields.count > 200 { return nil }
            position = next + separator.count
        }
    }

    /// `name` and `filename` of a part's Content-Disposition.
    private static func disposition(_ headers: String) -> (String, String?)? {
        for line in headers.split(separator: "\r\n") {
            guard line.lowercased().hasPrefix("content-disposition:") else { continue }
            var name: String?
            var fileName: String?
            for item in line.split(separator: ";").dropFirst() {
                let pair = item.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1).map(String.init)
                guard pair.count == 2 else { continue }
                var value = pair[1]
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
                switch pair[0].lowercased() {
                case "name": name = value
                case "filename": fileName = value
                default: break
                }
            }
            return name.map { ($0, fileName) }
        }
        return nil
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let firstByte = needle.first, haystack.count >= needle.count else { return nil }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == firstByte, haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
