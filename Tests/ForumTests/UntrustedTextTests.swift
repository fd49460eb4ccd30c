import Diagnostics
import Testing

/// `UntrustedText`: which characters are unsafe, how they are named, and
/// that a diagnostic quoting user text prints as inert text.
@Suite struct UntrustedTextTests {
    @Test func unsafeCharactersAreEscapedAndTheRestKept() {
        #expect(
            UntrustedText.escaped("a\u{1B}[2Jb\nc\rd\u{7F}e\u{85}f\u{9B}g\u{202E}h\u{2066}i")
                == "a<U+001B>[2Jb<U+000A>c<U+000D>d<U+007F>e<U+0085>f<U+009B>g<U+202E>h<U+2066>i")
        let kept = "tab\there é ✓ 🇺🇳 \u{200F}مرحبا\u{200E} line\u{2028}sep <U+001B>"
        #expect(UntrustedText.escaped(kept) == kept)
    }

    @Test func namesSayWhatTheCharacterIs() {
        #expect(UntrustedText.name(of: "\u{1B}") == "U+001B ESCAPE")
        #expect(UntrustedText.name(of: "\u{0}") == "U+0000 NULL")
        #expect(UntrustedText.name(of: "\u{7F}") == "U+007F DELETE")
        #expect(UntrustedText.name(of: "\u{9B}") == "U+009B CONTROL")
        #expect(UntrustedText.name(of: "\u{202E}") == "U+202E RIGHT-TO-LEFT OVERRIDE")
        #expect(UntrustedText.name(of: "\u{2069}") == "U+2069 POP DIRECTIONAL ISOLATE")
    }

    @Test func aDiagnosticQuotingUserTextIsInert() {
        let diagnostic = Diagnostic.error(
            "unknown session 'x\u{1B}[2J'", at: SourceLocation(path: "notes/a\nb.md", line: 2, column: 3),
            hint: "not \u{202E}this")
        #expect(diagnostic.description == "notes/a<U+000A>b.md:2:3: error: unknown session 'x<U+001B>[2J'\n  hint: not <U+202E>this")
    }
}
