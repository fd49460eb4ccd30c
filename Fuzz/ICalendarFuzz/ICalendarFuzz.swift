import FuzzSupport

/// `icalendar-fuzz`: iCalendar files through the reader, the writer and the engine (ICalendarHarness); FuzzDriver makes it a libFuzzer target or a reproducer.
@main
enum ICalendarFuzz {
    static func main() {
        FuzzDriver.run(ICalendarHarness.run)
    }
}
