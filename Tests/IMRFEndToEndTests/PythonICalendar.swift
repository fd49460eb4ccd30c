import Foundation
import IMRFTestSupport

/// Python's `icalendar` package in a virtual environment under `.build/`,
/// set up once on first use (as `.ci/run` does for the working-day oracle).
/// Nil when it cannot be installed (no network to PyPI); the test that
/// needs it is then skipped with that reason.
enum PythonICalendar {
    static let python: URL? = {
        let venv = repositoryRoot.appendingPathComponent(".build/ics-venv")
        let python = venv.appendingPathComponent("bin/python")
        if run(python.path, ["-c", "import icalendar"]) { return python }
        if !FileManager.default.fileExists(atPath: python.path) {
            guard run("/usr/bin/env", ["python3", "-m", "venv", venv.path]) else { return nil }
        }
        guard run(venv.appendingPathComponent("bin/pip").path, ["install", "-q", "--disable-pip-version-check", "icalendar"]),
            run(python.path, ["-c", "import icalendar"])
        else { return nil }
        return python
    }()

    static var isAvailable: Bool { python != nil }

    /// The validator script that reads a file with icalendar.
    static var checker: URL { repositoryRoot.appendingPathComponent("Tests/Oracles/ics_check.py") }

    private static func run(_ executable: String, _ arguments: [String]) -> Bool {
        guard FileManager.default.isExecutableFile(atPath: executable) else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// Runs the validator on `file`: its exit status, stdout and stderr.
    static func check(_ file: URL) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = python!
        process.arguments = [checker.path, file.path]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let error = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: error, as: UTF8.self))
    }
}
