/// The shipped templates, compiled in so that an imrf binary copied away from
/// the repository (no resource bundle beside it) still renders.
///
/// Templates/ is the one source: Package.swift embeds each of its files with
/// `.embedInCode`, and SwiftPM writes their bytes into `PackageResources` at
/// build time (rebuilding when a file changes). Byte arrays need no escaping,
/// so a template may hold anything; a new template must also be listed in
/// Package.swift, which SummaryTests.builtInTemplatesAreTheFiles checks.
enum BuiltInTemplates {
    /// Template name (the file name without `.mustache`) to text.
    static let all: [String: String] = [
        "summary.html": String(decoding: PackageResources.summary_html_mustache, as: UTF8.self),
        "summary.md": String(decoding: PackageResources.summary_md_mustache, as: UTF8.self),
        "letter.md": String(decoding: PackageResources.letter_md_mustache, as: UTF8.self),
        "masthead.md": String(decoding: PackageResources.masthead_md_mustache, as: UTF8.self),
    ]
}
