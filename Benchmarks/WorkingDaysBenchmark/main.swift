// Answers a file of working-day questions with imrf's engine and reports how
// long the answering took. Driven by Benchmarks/working-days.sh, which asks
// numpy the same questions in the same run and compares.
//
// usage: working-days-benchmark CALENDAR.ics QUERIES.bin ANSWERS.bin
// QUERIES.bin: little-endian Int32 pairs (day number since 1970-01-01, N).
// ANSWERS.bin: written, one Int32 day number per query.
import Foundation
import WorkingDays

let arguments = CommandLine.arguments
guard arguments.count == 4 else {
    FileHandle.standardError.write(Data("usage: working-days-benchmark CALENDAR.ics QUERIES.bin ANSWERS.bin\n".utf8))
    exit(64)
}
let holidays = try ICalendarReader.read(contentsOf: URL(fileURLWithPath: arguments[1]))
let indexStart = ContinuousClock.now
let calendar = WorkingDayCalendar(holidays)
let indexTime = ContinuousClock.now - indexStart

let raw = try Data(contentsOf: URL(fileURLWithPath: arguments[2]))
let values: [Int32] = raw.withUnsafeBytes { Array($0.bindMemory(to: Int32.self)) }

/// The timed loop, in a function so the optimiser sees local values rather
/// than top-level globals.
func answer(_ values: [Int32], with calendar: WorkingDayCalendar) throws -> ([Int32], Duration) {
    let count = values.count / 2
    var answers = [Int32](repeating: 0, count: count)
    let start = ContinuousClock.now
    for i in 0..<count {
        let date = CivilDate(dayNumber: Int(values[2 * i]))
        answers[i] = Int32(try calendar.advance(date, by: Int(values[2 * i + 1])).dayNumber)
    }
    return (answers, ContinuousClock.now - start)
}

let (answers, elapsed) = try answer(values, with: calendar)
let count = answers.count

try answers.withUnsafeBytes { Data($0) }.write(to: URL(fileURLWithPath: arguments[3]))
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
print("imrf: \(count) queries in \(String(format: "%.4f", seconds)) s (index built in \(indexTime))")
print("imrf seconds: \(seconds)")
