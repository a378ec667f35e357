using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Codings;

/// <summary>
/// The one table of how our event kinds and stances code in the schemes analysts join on: ACLED
/// event and sub-event types, UCDP's type of violence, CAMEO and PLOVER. Every kind and stance has
/// a row in each of its schemes; where no code fits, the row says why instead of forcing one.
/// Codes come from each scheme's codebook at the version named in <see cref="Schemes"/>; the
/// labels and reasons are ours. Stores may keep a copy of the coded rows for SQL joins.
/// </summary>
public static partial class CodingTable
{
    public const string AcledEventType = "ACLED_EVENT_TYPE";
    public const string AcledSubEventType = "ACLED_SUB_EVENT_TYPE";
    public const string UcdpTypeOfViolence = "UCDP_TYPE_OF_VIOLENCE";
    public const string Cameo = "CAMEO";
    public const string Plover = "PLOVER";
    public const string PloverMode = "PLOVER_MODE";

    public static readonly IReadOnlyList<CodingScheme> Schemes =
    [
        new(AcledEventType, "ACLED event_type", "ACLED Codebook 2023 (event types unchanged in the 2024 codebook)"),
        new(AcledSubEventType, "ACLED sub_event_type", "ACLED Codebook 2023 (sub-event types unchanged in the 2024 codebook)"),
        new(UcdpTypeOfViolence, "UCDP GED type_of_violence", "UCDP Georeferenced Event Dataset Codebook, version 23.1"),
        new(Cameo, "CAMEO event code", "CAMEO Event and Actor Codebook 1.1b3 (Schrodt 2012)"),
        new(Plover, "PLOVER event type", "PLOVER manual, draft version 2.0 (Open Event Data Alliance, 2024)"),
        new(PloverMode, "PLOVER mode", "PLOVER manual, draft version 2.0 (Open Event Data Alliance, 2024)"),
    ];

    /// <summary>Every row: each event kind in the event schemes, each stance in the statement schemes.</summary>
    public static readonly IReadOnlyList<CodingRow> Rows = [.. EventRows(), .. StanceRows()];

    private static readonly ILookup<(string, string), Coding> Coded = Rows.Where(r => r.Coding is not null)
        .ToLookup(r => (r.Subject, r.Value), r => r.Coding!);

    /// <summary>The codebook version a scheme's codes come from.</summary>
    public static string VersionOf(string scheme) => Schemes.First(s => s.Id == scheme).Version;

    /// <summary>The codes of an event kind, in scheme order; schemes where none fits are left out.</summary>
    public static IReadOnlyList<Coding> For(EventKind kind) => Coded[(CodingRow.EventSubject, EnumNames.Of(kind))].ToList();

    /// <summary>The codes of a stance, in scheme order; schemes where none fits are left out.</summary>
    public static IReadOnlyList<Coding> For(Stance stance) => Coded[(CodingRow.StatementSubject, EnumNames.Of(stance))].ToList();

    /// <summary>A cell: a code with its label.</summary>
    private static (string? Code, string Label) Code(string code, string label) => (code, label);

    /// <summary>A cell where no code fits, and why.</summary>
    private static (string? Code, string Label) None(string why) => (null, why);
}
