using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Codings;

public static partial class CodingTable
{
    private static IEnumerable<CodingRow> StanceRows()
    {
        const string noPlover = "no PLOVER event type fits, so no mode";
        // stance, CAMEO, PLOVER, PLOVER mode; ACLED and UCDP code events, not statements
        var table = new (Stance Stance, (string?, string) Cameo, (string?, string) Plover, (string?, string) Mode)[]
        {
            (Stance.Asserts, Code("010", "Make statement, not specified below"),
                None("PLOVER has no category for a plain statement; it codes what a statement does (accuse, request, threaten, ...)"), None(noPlover)),
            (Stance.Denies, Code("016", "Deny responsibility (a denial of involvement or of an accusation)"),
                None("PLOVER has no denial category (REJECT is the refusal of a request or proposal)"), None(noPlover)),
            (Stance.Condemns, Code("111", "Criticize or denounce"), Code("ACCUSE", "Accuse"), Code("disapprove", "Express disapproval; condemn")),
            (Stance.Accuses, Code("112", "Accuse, not specified below"), Code("ACCUSE", "Accuse"), Code("allege", "Formally or informally accuse")),
            (Stance.Defends, Code("052", "Defend verbally"), Code("SUPPORT", "Support"), None("PLOVER's SUPPORT has no modes")),
            (Stance.Threatens, Code("130", "Threaten, not specified below"), Code("THREATEN", "Threaten"),
                None("PLOVER's THREATEN mode is what is threatened, which the stance does not say")),
            (Stance.Warns,
                None("a warning that carries a threat is THREATENS (CAMEO 13); a warning of danger has no CAMEO code"),
                None("a warning that carries a threat is THREATENS (PLOVER THREATEN); a warning of danger has no PLOVER code"), None(noPlover)),
            (Stance.CallsFor, Code("020", "Make an appeal or request, not specified below"), Code("REQUEST", "Request"),
                None("PLOVER's REQUEST mode is what is asked for (assistance, change, yielding, a meeting), which the stance does not say")),
            (Stance.Reports,
                None("a report of what happened is not an act between political actors; the events it reports carry their own codes"),
                None("a report of what happened is not an act between political actors; the events it reports carry their own codes"), None(noPlover)),
        };
        foreach (var (stance, cameo, plover, mode) in table)
        {
            var value = EnumNames.Of(stance);
            foreach (var (scheme, (code, label)) in new[] { (Cameo, cameo), (Plover, plover), (PloverMode, mode) })
                yield return new CodingRow(CodingRow.StatementSubject, value, scheme, code, label);
        }
    }
}
