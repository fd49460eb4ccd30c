import ArgumentParser
import Foundation
import Storage

/// How every command that works on a workspace is told which one, the same
/// way everywhere: `-w/--workspace DIR` (or the command's positional folder,
/// where it has one), else `IMRF_WORKSPACE`, else the nearest folder at or
/// above the current one that holds a forum.yaml (as git finds its
/// repository), else the current folder.
struct WorkspaceOptions: ParsableArguments {
    @Option(
        name: [.customShort("w"), .customLong("workspace")],
        help: ArgumentHelp(
            "The workspace folder (default: $IMRF_WORKSPACE, else the nearest folder upwards holding forum.yaml).",
            valueName: "dir"
        )
    )
    var workspace: String?

    static let environmentVariable = "IMRF_WORKSPACE"

    /// The workspace folder to use.
    /// - Parameter positional: the folder the command's argument names, if any.
    func resolved(positional: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        if let workspace, let positional, workspace != positional {
            throw ValidationError("the workspace is named twice, as \(positional) and with --workspace \(workspace): give it once")
        }
        if let given = workspace ?? positional { return given }
        return Self.implicit(environment: environment)
    }

    /// The workspace when none is named: `IMRF_WORKSPACE`, else the
    /// nearest folder upwards holding forum.yaml, else the current folder.
    static func implicit(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let folder = environment[environmentVariable], !folder.isEmpty { return folder }
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        return WorkspaceLayout.enclosing(here) ?? "."
    }
}

/// `WorkspaceOptions` with the folder also accepted as the command's one
/// positional argument (`imrf compile ws`), as compile, status, ics and log
/// have always taken it.
struct WorkspaceArguments: ParsableArguments {
    @Argument(help: ArgumentHelp("The workspace folder, as --workspace.", valueName: "dir"))
    var folder: String?

    @OptionGroup var options: WorkspaceOptions

    /// The workspace folder to use; the same folder named both ways is one.
    func resolved() throws -> String {
        try options.resolved(positional: folder)
    }
}
