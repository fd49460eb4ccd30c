import ArgumentParser
import Diagnostics

/// The command word itself: a mistyped command gets the names near it
/// ("did you mean 'compile'?") instead of argument-parser's "unexpected
/// argument", and `imrf help NAME` of a command that does not exist is an
/// error (exit 64) instead of the general help with exit 0.
enum CommandGuide {
    /// The subcommands' names, as `imrf --help` lists them.
    static var names: [String] { IMRF.configuration.subcommands.compactMap { $0.configuration.commandName } }

    /// What is wrong with the command word of `arguments`, if anything.
    static func problem(_ arguments: [String]) -> Diagnostic? {
        guard var word = arguments.first, !word.hasPrefix("-") else { return nil }
        if word == "help" {
            guard let named = arguments.dropFirst().first, !named.hasPrefix("-") else { return nil }
            word = named
        }
        guard !names.contains(word) else { return nil }
        var message = "unknown command '\(UntrustedText.escaped(word))'"
        let near = nearest(word)
        if !near.isEmpty { message += "; did you mean " + near.map { "'\($0)'" }.joined(separator: " or ") + "?" }
        return .error(message, hint: "'imrf --help' lists the commands")
    }

    /// The names within two edits of `word` (a letter missing, extra,
    /// wrong or two swapped), or that it begins, nearest first; at most two.
    static func nearest(_ word: String) -> [String] {
        let typed = Array(word.lowercased())
        let scored = names.compactMap { name -> (String, Int)? in
            let distance = editDistance(typed, Array(name))
            if distance <= 2 { return (name, distance) }
            if typed.count >= 3, name.hasPrefix(String(typed)) { return (name, 3) }
            return nil
        }
        return scored.sorted { $0.1 < $1.1 }.prefix(2).map(\.0)
    }

    /// Optimal string alignment distance: insertions, deletions,
    /// substitutions and swaps of neighbours each cost 1.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
