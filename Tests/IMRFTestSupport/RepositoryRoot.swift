public import Foundation

/// The root of the repository (for `Calendars/`, `Templates/` and the
/// fixtures), found from where this file sits: `Tests/IMRFTestSupport/`.
public let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
