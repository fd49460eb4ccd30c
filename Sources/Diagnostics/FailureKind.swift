/// What kind of failure an error is, so that the executable can map it to an
/// exit code without the libraries knowing about processes.
///
/// The cases follow BSD `sysexits.h`, whose numbers are imrf's exit codes
/// (README, "Exit codes").
public enum FailureKind: String, Sendable, Hashable, Codable {
    /// The command was called wrongly (sysexits 64).
    case usage
    /// The user's data is wrong: a date, a note, a forum file (65).
    case badInput
    /// A service needed is not there (69).
    case unavailable
    /// Something outside imrf failed unexpectedly (70).
    case software
    /// An output file or folder cannot be created (73).
    case cannotCreate
    /// A temporary failure; trying again later may work (75).
    case temporary
    /// Permission or authentication refused (77).
    case permission
    /// A configuration problem, such as a date outside a calendar's coverage (78).
    case configuration
}
