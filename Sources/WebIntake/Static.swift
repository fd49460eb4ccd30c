/// The page's script and style, compiled in (`.embedInCode`): a binary
/// copied anywhere serves them, and nothing is read from disk per request.
enum Static {
    static var script: [UInt8] { PackageResources.intake_js }
    static var style: [UInt8] { PackageResources.intake_css }
}
