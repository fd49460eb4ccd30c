import Foundation
import WorkingDays

/// One fuzz input through the iCalendar reader, the writer and the engine.
///
/// Any input may be refused with an `ICalendarError`; what must never happen
/// is a crash, a hang, or a calendar that does not survive `write` then
/// `read` unchanged. A broken invariant calls `fatalError`, which libFuzzer
/// records as a crash with the input that caused it.
enum ICalendarHarness {
    static func run(_ bytes: UnsafeRawBufferPointer) {
        let text = String(decoding: bytes, as: UTF8.self)
        check(try? ICalendarReader.read(text, name: "fuzz", path: "fuzz.ics"))
        // The file path: strict UTF-8 decoding instead of repair.
        check(try? ICalendarReader.read(contentsOf: writeTemporaryFile(bytes), name: "fuzz"))
    }

    private static let temporaryFile = URL(fileURLWithPath: NSTemporaryDirectory())
        .appendingPathComponent("imrf-icalendar-fuzz-\(ProcessInfo.processInfo.processIdentifier).ics")

    private static func writeTemporaryFile(_ bytes: UnsafeRawBufferPointer) -> URL {
        let data = bytes.isEmpty ? Data() : Data(bytes: bytes.baseAddress!, count: bytes.count)
        do {
            try data.write(to: temporaryFile)
        } catch {
            fatalError("cannot write \(temporaryFile.path): \(error)")
        }
        return temporaryFile
    }

    private static func check(_ calendar: HolidayCalendar?) {
        guard let calendar else { return }
        checkRoundTrip(calendar)
        let engine = WorkingDayCalendar(calendar)
        let first = calendar.coverage.lowerBound
        let last = calendar.coverage.upperBound
        let span = first.days(to: last)
        let middle = first.adding(days: span / 2)
        let total: Int
        do {
            total = try engine.count(from: first, to: last.adding(days: 1))
        } catch {
            fatalError("count over the whole coverage failed: \(error)")
        }
        guard total >= 0, total <= span + 1 else { fatalError("count \(total) outside 0...\(span + 1)") }
        for n in [1, -1, 5, -5, 0] {
            for date in [first, middle, last] {
                guard let result = try? engine.advance(date, by: n, roll: .following) else { continue }
                guard calendar.coverage.contains(result) else { fatalError("advance left the coverage") }
                if n != 0 {
                    guard let counted = try? engine.count(from: date, to: result) else {
                        fatalError("count cannot retrace advance(\(date), by: \(n)) = \(result)")
                    }
                    // count is half-open: [date, result) forwards holds n - 1
                    // working days plus date itself when it works.
                    let dateWorks = (try? engine.isWorkingDay(date)) ?? false
                    let expected = n > 0 ? n - 1 + (dateWorks ? 1 : 0) : n
                    guard counted == expected else {
                        fatalError("count(\(date), \(result)) = \(counted), expected \(expected)")
                    }
                }
                _ = try? engine.explainAdvance(date, by: n)
            }
        }
    }

    /// `read(write(c)) == c`, and writing is stable.
    private static func checkRoundTrip(_ calendar: HolidayCalendar) {
        let written: String
        do {
            written = try ICalendarWriter.write(calendar)
        } catch {
            // A rule may expand to more days than a file of single days holds:
            // the writer refuses exactly that, and nothing else.
            guard case .tooLarge = error.code else { fatalError("the writer refused: \(error)") }
            return
        }
        let again: HolidayCalendar
        do {
            again = try ICalendarReader.read(written, name: "other", path: "written.ics")
        } catch {
            fatalError("the writer's output does not read back: \(error)\n\(written)")
        }
        guard again == calendar else {
            fatalError("round trip changed the calendar:\n\(calendar)\n\(again)\n\(written)")
        }
        guard (try? ICalendarWriter.write(again)) == written else {
            fatalError("writing is not stable")
        }
    }
}
