/// How to move a date that is not a working day onto one.
///
/// The names and meanings are the market conventions (ISDA, QuantLib's
/// `BusinessDayConvention`), so people who know them get no surprises.
public enum RollConvention: String, Sendable, CaseIterable, Codable {
    /// The first working day on or after the date.
    case following
    /// The last working day on or before the date.
    case preceding
    /// `following`, unless that lands in a later month; then `preceding`,
    /// so a month-end date stays in its month.
    case modifiedFollowing = "modified-following"
}
