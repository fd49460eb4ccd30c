import Foundation
import Testing
import WorkingDays

/// `CivilDate` and `WeekMask` are encoded as their text and decoded from it;
/// text that does not parse is an error naming the form expected.
@Suite struct CodableAsTextTests {
    @Test func valuesAreTheirText() throws {
        let date = try #require(CivilDate(iso: "2026-05-22"))
        #expect(String(decoding: try JSONEncoder().encode([date]), as: UTF8.self) == #"["2026-05-22"]"#)
        #expect(String(decoding: try JSONEncoder().encode([WeekMask.mondayToFriday]), as: UTF8.self) == #"["Mon-Fri"]"#)
        #expect(try JSONDecoder().decode([WeekMask].self, from: Data(#"["0111110"]"#.utf8)).map(\.description) == ["Tue-Sat"])
        #expect(CivilDate(date.description) == date)
    }

    @Test func textThatDoesNotParseNamesTheForm() {
        func message<T: Decodable>(_ type: T.Type, _ json: String) -> String? {
            do {
                _ = try JSONDecoder().decode([T].self, from: Data(json.utf8))
                return nil
            } catch DecodingError.dataCorrupted(let context) {
                return context.debugDescription
            } catch {
                return "\(error)"
            }
        }
        #expect(message(CivilDate.self, #"["2022-02-30"]"#) == "'2022-02-30' is not a date of the form YYYY-MM-DD")
        #expect(message(WeekMask.self, #"["Funday"]"#) == "'Funday' is not a week mask such as Mon-Fri or 1111100")
    }
}
