/// Sample notes for `imrf init --example`: invented for imrf, not UN text.
/// One note a session, one in Spanish and one in Arabic, so that every part
/// of the compiler (footnotes, tables, right-to-left text) has something to do.
public enum SampleNotes {
    /// File name (under notes/) and content.
    public static let all: [(name: String, content: String)] = [
        ("hearing.md", hearing),
        ("round-table-1.md", roundTable1),
        ("round-table-2.md", roundTable2),
        ("round-table-3.md", roundTable3),
        ("round-table-4.md", roundTable4),
        ("policy-debate.md", policyDebate),
        ("plenary.md", plenary),
    ]

    static let hearing = """
        ---
        session: hearing
        title: Summary of the multistakeholder hearing
        author: Civil-society rapporteur (sample)
        role: rapporteur
        objectives: [7, 16, 17]
        ---
        Participants from migrant-led organizations, trade unions, local authorities
        and the private sector met the day before the forum. Speakers asked that
        migrants be heard **in the design** of policies, not only in their review.

        Three messages stood out:

        1. Protection gaps remain largest for migrants in irregular situations.
        2. Local authorities carry much of the day-to-day work of *inclusion*.
        3. Public discourse should rest on evidence rather than perception.[^survey]

        [^survey]: Several speakers cited surveys of their own members; the figures were not presented in a common format.

        """

    static let roundTable1 = """
        ---
        session: round-table-1
        title: Technical summary of round table 1
        author: Round-table rapporteur (sample)
        role: rapporteur
        objectives: [2, 5, 6, 12, 18]
        ---
        Co-chairs opened the discussion on drivers of migration and on regular
        pathways. Delegations described labour-mobility schemes and the
        recognition of skills across borders.

        | Theme | Points raised |
        |---|---|
        | Regular pathways | more places, simpler procedures |
        | Decent work | fair recruitment, no fees charged to workers |
        | Skills | mutual recognition of qualifications |

        Several speakers linked climate-related displacement to objective 2.[^climate]

        [^climate]: The link was raised as an area for further data collection.

        """

    static let roundTable2 = """
        ---
        session: round-table-2
        title: Resumen técnico de la mesa redonda 2
        author: Relatoría de la mesa redonda (ejemplo)
        role: rapporteur
        language: es
        objectives: [4, 8, 9, 10, 11, 13, 21]
        ---
        Las delegaciones examinaron la protección de las personas migrantes en
        tránsito, la búsqueda de migrantes desaparecidos y las alternativas a la
        detención.

        - Se pidió reforzar la cooperación en la identificación de personas fallecidas.
        - Varias delegaciones presentaron programas de gestión de casos como alternativa a la detención.
        - Se subrayó que el retorno debe ser seguro y digno.

        """

    static let roundTable3 = """
        ---
        session: round-table-3
        title: Technical summary of round table 3
        author: Round-table rapporteur (sample)
        role: rapporteur
        objectives: [14, 15, 16, 19, 20, 22]
        ---
        The round table focused on inclusion, access to services and the
        contributions of migrants and diasporas to development.

        Speakers noted that the cost of sending remittances is still above the
        target in many corridors, and described digital channels that lower it.
        The portability of social-security entitlements was raised by delegations
        from both countries of origin and of destination.

        """

    static let roundTable4 = """
        ---
        session: round-table-4
        title: تقرير تقني عن المائدة المستديرة 4
        author: مقرر المائدة المستديرة (مثال)
        role: rapporteur
        language: ar
        objectives: [1, 3, 7, 17, 23]
        ---
        ناقش المشاركون تحسين جمع البيانات المصنفة وتوفير معلومات دقيقة في جميع مراحل
        الهجرة، والحد من أوجه الضعف، ومكافحة التمييز.

        وأكد عدد من الوفود أهمية التعاون الدولي والشراكات العالمية لتحقيق هجرة آمنة
        ومنظمة ونظامية.

        """

    static let policyDebate = """
        ---
        session: policy-debate
        title: Notes on the policy debate
        author: Secretariat note-taker (sample)
        role: secretariat
        ---
        The facilitator opened the debate by presenting the technical summaries of
        the four round tables. Discussion turned to the means of implementation:
        capacity-building, financing and the role of the
        [United Nations Network on Migration](https://www.un.org/en/migration2022).

        > Speakers asked for practical follow-up, with indicators that can be
        > compared between reviews.

        """

    static let plenary = """
        ---
        session: plenary
        title: Notes on the plenary
        author: Secretariat note-taker (sample)
        role: secretariat
        objectives: [23]
        ---
        The opening segment heard the President of the General Assembly, the
        Secretary-General and a civil-society speaker. In the general debate,
        Member States and observers reported on their implementation of the
        Global Compact.

        At the closing segment the forum adopted its Progress Declaration.

        """
}
