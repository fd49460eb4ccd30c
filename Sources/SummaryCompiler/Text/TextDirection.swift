/// The direction of a piece of text by its letters, as HTML's `dir="auto"`
/// and Unicode's first-strong isolate (FSI) decide it: by its first letter
/// of a strong direction. Digits, punctuation and marks have none.
///
/// Used where a note's or forum.yaml's text sits inside one of the
/// summary's own lines (the annex's "Addressed in", an author line,
/// co-chairs), which must isolate it so that the numbers and punctuation
/// around it stay in place (`DocxRenderer.appendQuoted`).
enum TextDirection {
    /// Whether `scalar` is a letter of a right-to-left script (Unicode's
    /// bidirectional classes R and AL): Hebrew, Arabic, Syriac, Thaana,
    /// N'Ko and the others of U+0590 to U+08FF, their presentation forms,
    /// and the right-to-left blocks of the supplementary planes.
    static func isRightToLeftLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        let inRightToLeftBlock =
            (0x0590...0x08FF).contains(value) || (0xFB1D...0xFDFF).contains(value) || (0xFE70...0xFEFF).contains(value)
            || (0x10800...0x10FFF).contains(value) || (0x1E800...0x1EFFF).contains(value)
        return inRightToLeftBlock && scalar.properties.isAlphabetic && scalar.properties.generalCategory != .nonspacingMark
    }

    /// Whether `text` holds any right-to-left letter.
    static func containsRightToLeft(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: isRightToLeftLetter)
    }

    /// true when the first letter of a strong direction is right-to-left,
    /// false when it is left-to-right, nil when there is none.
    static func firstStrongIsRightToLeft(_ text: String) -> Bool? {
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic && scalar.properties.generalCategory != .nonspacingMark {
            return isRightToLeftLetter(scalar)
        }
        return nil
    }
}
