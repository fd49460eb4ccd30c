/// One of the 23 objectives of the Global Compact for Safe, Orderly and
/// Regular Migration (A/RES/73/195, para. 16), with the short name the forum
/// pages use.
public struct Objective: Sendable, Hashable, Codable {
    public let number: Int
    public let title: String
    public let shortTitle: String

    public init(number: Int, title: String, shortTitle: String) {
        self.number = number
        self.title = title
        self.shortTitle = shortTitle
    }

    /// The valid objective numbers.
    public static let numbers = 1...23

    /// The objective numbered `number`, or nil outside 1-23.
    public static func numbered(_ number: Int) -> Objective? {
        numbers.contains(number) ? all[number - 1] : nil
    }

    /// All 23 objectives, in order.
    public static let all: [Objective] = [
        (1, "Collect and utilize accurate and disaggregated data as a basis for evidence-based policies", "Data"),
        (2, "Minimize the adverse drivers and structural factors that compel people to leave their country of origin", "Minimize adverse drivers"),
        (3, "Provide accurate and timely information at all stages of migration", "Information provision"),
        (4, "Ensure that all migrants have proof of legal identity and adequate documentation", "Legal identity and documentation"),
        (5, "Enhance availability and flexibility of pathways for regular migration", "Regular pathways"),
        (6, "Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work", "Recruitment and decent work"),
        (7, "Address and reduce vulnerabilities in migration", "Reduce vulnerabilities"),
        (8, "Save lives and establish coordinated international efforts on missing migrants", "Save lives"),
        (9, "Strengthen the transnational response to smuggling of migrants", "Counter smuggling"),
        (10, "Prevent, combat and eradicate trafficking in persons in the context of international migration", "Eradicate trafficking"),
        (11, "Manage borders in an integrated, secure and coordinated manner", "Manage borders"),
        (
            12, "Strengthen certainty and predictability in migration procedures for appropriate screening, assessment and referral",
            "Screening and referral"
        ),
        (13, "Use migration detention only as a measure of last resort and work towards alternatives", "Alternatives to detention"),
        (14, "Enhance consular protection, assistance and cooperation throughout the migration cycle", "Consular protection"),
        (15, "Provide access to basic services for migrants", "Access to basic services"),
        (16, "Empower migrants and societies to realize full inclusion and social cohesion", "Inclusion and social cohesion"),
        (
            17, "Eliminate all forms of discrimination and promote evidence-based public discourse to shape perceptions of migration",
            "Eliminate discrimination"
        ),
        (
            18, "Invest in skills development and facilitate mutual recognition of skills, qualifications and competences",
            "Skills development and recognition"
        ),
        (
            19, "Create conditions for migrants and diasporas to fully contribute to sustainable development in all countries",
            "Migrant and diaspora contributions"
        ),
        (20, "Promote faster, safer and cheaper transfer of remittances and foster financial inclusion of migrants", "Remittances"),
        (
            21, "Cooperate in facilitating safe and dignified return and readmission, as well as sustainable reintegration",
            "Dignified return and reintegration"
        ),
        (22, "Establish mechanisms for the portability of social security entitlements and earned benefits", "Social protection"),
        (23, "Strengthen international cooperation and global partnerships for safe, orderly and regular migration", "International cooperation"),
    ].map { Objective(number: $0.0, title: $0.1, shortTitle: $0.2) }
}
