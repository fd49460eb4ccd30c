import ArgumentParser

extension IMRF {
    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run imrf on its built-in example and show what it produces."
        )

        func run() async throws {
            print("imrf demo: nothing yet")
        }
    }
}
