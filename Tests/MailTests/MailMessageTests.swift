import Foundation
import Testing

@testable import Mail

@Suite("Mail: the message as MIME writes it")
struct MailMessageTests {
    func message(
        name: String = "Zoë Ndiaye-Müller", subject: String = "Réunion: your note is due", text: String = "Dear Zoë,\n\nText.\n"
    )
        -> MailMessage
    {
        MailMessage(
            from: MailAddress("imrf@pga.example.org", name: "Office of the PGA")!, to: MailAddress("zoe@example.org", name: name)!,
            replyTo: MailAddress("office@pga.example.org"), subject: subject, date: Date(timeIntervalSince1970: 1_780_000_000),
            messageID: "<imrf.1@pga.example.org>", text: text, html: "<p>\(text)</p>")
    }

    /// RFC 2047's `=?UTF-8?B?...?=` words decoded, as a mail reader does.
    func decodedWords(_ header: String) -> String {
        let words = header.replacingOccurrences(of: "\r\n ", with: " ").split(separator: " ")
        var bytes: [UInt8] = []
        for word in words where word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?=") {
            bytes += Data(base64Encoded: String(word.dropFirst(10).dropLast(2)))!
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Quoted-printable decoded: soft breaks removed, `=XX` to bytes.
    func decodedQuotedPrintable(_ text: String) -> String {
        let utf8 = Array(text.replacingOccurrences(of: "=\r\n", with: "").utf8)
        var bytes: [UInt8] = []
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "=") {
                bytes.append(UInt8(String(decoding: utf8[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)!)
                index += 3
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    }

    @Test("headers: a non-ASCII name and subject as encoded words that decode to the same text; CRLF only; lines of 78 at most")
    func headers() {
        let rendered = message(subject: String(repeating: "Réunion de la table ronde ", count: 5)).rendered(boundary: "B")
        #expect(!rendered.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(rendered.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
        let lines = rendered.components(separatedBy: "\r\n")
        let to = lines.first { $0.hasPrefix("To: ") }!
        #expect(to.hasSuffix(" <zoe@example.org>"))
        #expect(decodedWords(to) == "Zoë Ndiaye-Müller")
        let subjectStart = lines.firstIndex { $0.hasPrefix("Subject: ") }!
        let subject = ([String(lines[subjectStart].dropFirst("Subject: ".count))] + lines[(subjectStart + 1)...].prefix { $0.hasPrefix(" ") })
            .joined(separator: "\r\n")
        #expect(decodedWords(subject) == String(repeating: "Réunion de la table ronde ", count: 5))
        #expect(rendered.contains("Date: Thu, 28 May 2026 20:26:40 +0000\r\n"))
        #expect(rendered.contains("Message-ID: <imrf.1@pga.example.org>\r\n"))
        #expect(rendered.contains("From: \"Office of the PGA\" <imrf@pga.example.org>\r\n"))
        let long = MailAddress("imrf@pga.example.org", name: "Office of the President of the General Assembly, IMRF")!
        #expect(long.header(headerLength: 6) == "\"Office of the President of the General Assembly, IMRF\"\r\n <imrf@pga.example.org>")
        #expect(rendered.contains("Reply-To: <office@pga.example.org>\r\n"))
        #expect(rendered.contains("Content-Type: multipart/alternative; boundary=\"B\"\r\n"))
        #expect(rendered.hasSuffix("--B--\r\n"))
    }

    @Test("an ASCII subject is folded at spaces, not encoded; a line break in it cannot start a header")
    func asciiSubject() {
        let rendered = message(subject: "Deadline\r\nBcc: everyone@example.org " + String(repeating: "word ", count: 30)).rendered(boundary: "B")
        #expect(!rendered.contains("\r\nBcc:"))
        #expect(rendered.contains("Subject: Deadline Bcc: everyone@example.org word"))
        #expect(rendered.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
    }

    @Test(
        "quoted-printable: every text comes back byte for byte; lines of 76 at most; a leading dot or From is encoded",
        arguments: [
            "Dear Zoë,\n\nText.\n",
            ".\n..leading dots\nFrom here on\n",
            "trailing space \nand tab\t\nequals = sign\n",
            String(repeating: "ü", count: 200),
            "مرحبا بكم في المنتدى\n",
            "",
        ])
    func quotedPrintable(_ text: String) {
        let encoded = MailEncoding.quotedPrintable(text)
        #expect(decodedQuotedPrintable(encoded) == text)
        for line in encoded.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 76)
            #expect(!line.hasPrefix("."))
            #expect(!line.hasPrefix("From "))
            #expect(!line.hasSuffix(" ") && !line.hasSuffix("\t"))
        }
    }

    @Test("an encoded word never splits a character: each decodes on its own", arguments: ["é", "👩🏽‍⚕️", "中"])
    func encodedWordsKeepCharacters(_ character: String) {
        let words = MailEncoding.encodedWords(String(repeating: character, count: 40))
        for word in words {
            #expect(word.utf8.count <= 75)
            let bytes = Data(base64Encoded: String(word.dropFirst(10).dropLast(2)))!
            #expect(String(data: bytes, encoding: .utf8) != nil)
        }
    }

    @Test(
        "an address that could add a header or a recipient is refused",
        arguments: ["a@b.org\r\nBcc: x@y.org", "a b@c.org", "<a@b.org>", "a@b.org,c@d.org", "ab.org", "a@", "@b.org", "a@b@c.org"])
    func badAddresses(_ address: String) {
        #expect(MailAddress(address) == nil)
    }

    @Test("a name's control characters are dropped, so a name cannot end the header")
    func nameWithLineBreak() {
        let address = MailAddress("a@b.org", name: "Jane\r\nBcc: x@y.org")!
        #expect(address.name == "JaneBcc: x@y.org")
        #expect(!address.header(headerLength: 4).contains("\r"))
    }
}
