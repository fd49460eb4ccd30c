import Diagnostics
import Ledger
import Testing

/// Ledger errors say what is wrong in words any program can show (no imrf
/// command or option: the executable adds those by the code) and carry
/// their code on the diagnostic.
@Suite("Ledger errors")
struct LedgerErrorTests {
    @Test(arguments: [
        LedgerError.Code.corrupt, .newerSchema, .olderSchema, .unwritable, .readOnlyBusy, .busy, .unreadableEntry, .failed,
    ])
    func messagesNameNoCommand(code: LedgerError.Code) {
        let error = LedgerError(code, path: "ws/.imrf/ledger.sqlite", detail: "disk I/O error", foundSchema: 1)
        #expect(error.diagnostics.count == 1)
        for diagnostic in error.diagnostics {
            #expect(diagnostic.code == .ledger(code))
            #expect(diagnostic.location == SourceLocation(path: "ws/.imrf/ledger.sqlite"))
            #expect(!diagnostic.description.contains("--"), "\(diagnostic)")
            #expect(!diagnostic.description.contains("'imrf "), "\(diagnostic)")
        }
    }
}
