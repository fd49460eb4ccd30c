import IMRFTestSupport
import Testing

@Suite("imrf command line")
struct CommandLineTests {
    @Test func helpListsTheCommands() throws {
        let result = try IMRFProcess.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("demo"))
    }

    @Test func unknownCommandIsAUsageError() throws {
        let result = try IMRFProcess.run(["no-such-command"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("no-such-command"))
        #expect(result.stdout.isEmpty)
    }

    @Test(
        "a mistyped command is named with the commands near it",
        arguments: [
            ("compil", "did you mean 'compile'?"), ("stauts", "did you mean 'status'?"), ("comp", "did you mean 'compile'?"),
            ("invte", "did you mean 'invite'"),
        ])
    func didYouMean(typed: String, suggestion: String) throws {
        let result = try IMRFProcess.run([typed, "-w", "ws"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("error: unknown command '\(typed)'; \(suggestion)"), "\(result.stderr)")
        #expect(result.stderr.contains("hint: 'imrf --help' lists the commands"))
    }

    @Test("'imrf help NAME' of a command that does not exist is an error; of one that does, its help")
    func helpOfACommand() throws {
        let unknown = try IMRFProcess.run(["help", "nosuch"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.hasPrefix("error: unknown command 'nosuch'"))
        #expect(unknown.stdout.isEmpty)
        let known = try IMRFProcess.run(["help", "compile"])
        #expect(known.status == 0)
        #expect(known.stdout.contains("USAGE: imrf compile"))
    }

    @Test("argument-parser's errors are in imrf's one style, 'error:'")
    func oneErrorStyle() throws {
        let result = try IMRFProcess.run(["compile", "--format", "rtf"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("error: unknown format 'rtf'"), "\(result.stderr)")
        #expect(!result.stderr.contains("Error:"))
    }

    @Test("--help names every exit code, 70 included; --version on stdout")
    func exitCodesInHelp() throws {
        let help = try IMRFProcess.run(["--help"])
        for code in ["64", "65", "69", "70", "73", "75", "77", "78"] { #expect(help.stdout.contains(code), "\(code)") }
        let version = try IMRFProcess.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("0."))
    }
}
