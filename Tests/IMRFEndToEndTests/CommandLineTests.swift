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
    }
}
