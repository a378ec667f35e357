using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Import;

/// <summary>
/// Checks the claims of relations and facts, given as id lists or as claim objects, and collects
/// their statements for resolution. Copies of one relation or fact merge, so across all of them a
/// statement may hold one position with at most one characterization.
/// </summary>
internal sealed class ClaimChecks(ProblemList problems, FieldChecks fields, List<PendingReference> references)
{
    /// <summary>A characterization is the speaker's own word or short phrase, not a sentence.</summary>
    public const int MaxCharacterizationLength = 80;

    private static readonly NodeKind[] Statements = [NodeKind.Statement];

    // (what is claimed, statement) -> the claim seen first and where
    private readonly Dictionary<(string Target, string Statement), (ClaimPosition Position, string? Characterization, string Path)> seen = [];

    /// <param name="target">Names the merged relation or fact, or null when its identity is incomplete.</param>
    /// <param name="noun">"relation" or "fact", for messages.</param>
    public void IdList(List<string>? ids, string item, string field, ClaimPosition position, string? target, string noun)
    {
        for (var j = 0; j < (ids?.Count ?? 0); j++)
        {
            var statement = ids![j];
            if (string.IsNullOrWhiteSpace(statement))
            {
                problems.Add($"{item}.{field}[{j}]", "required");
                continue;
            }
            references.Add(new PendingReference(item, field, j, statement, Statements));
            Record(target, statement, position, null, $"{item}.{field}[{j}]", noun);
        }
    }

    public void Claims(List<ClaimInput>? claims, string item, string? target, string noun)
    {
        for (var j = 0; j < (claims?.Count ?? 0); j++)
        {
            var path = $"{item}.claims[{j}]";
            if (claims![j] is not { } claim)
            {
                problems.Add(path, "must be an object, not null");
                continue;
            }
            fields.Enum<ClaimPosition>(claim.Position, path, "position", required: false);
            var characterization = Characterization(claim.Characterization, path);
            if (!fields.Required(claim.StatementId, path, "statementId")) continue;
            references.Add(new PendingReference(path, "statementId", null, claim.StatementId!, Statements));
            if (claim.Position is null || EnumNames.TryParse<ClaimPosition>(claim.Position, out _))
                Record(target, claim.StatementId!, GraphInputMapper.ToClaim(claim).Position, characterization, path, noun);
        }
    }

    private string? Characterization(string? text, string path)
    {
        if (text is null) return null;
        var trimmed = text.Trim();
        if (trimmed.Length == 0) problems.Add(path, "characterization", "is empty; leave it out when the speaker gave no word of their own");
        else if (trimmed.Contains('\n') || trimmed.Contains('\r')) problems.Add(path, "characterization", "must be one line: the speaker's own word or short phrase");
        else if (trimmed.Length > MaxCharacterizationLength)
            problems.Add(path, "characterization",
                $"is {trimmed.Length} characters long; a characterization is the speaker's own word or short phrase (at most {MaxCharacterizationLength}), the statement's text holds the rest");
        else return trimmed;
        return null;
    }

    private void Record(string? target, string statement, ClaimPosition position, string? characterization, string path, string noun)
    {
        if (target is null) return;
        if (!seen.TryGetValue((target, statement), out var earlier))
        {
            seen[(target, statement)] = (position, characterization, path);
            return;
        }
        if (earlier.Position != position)
            problems.Add(path, $"'{statement}' also {(earlier.Position == ClaimPosition.Claims ? "claims" : "disputes")} this {noun} ({problems.Where(earlier.Path)})");
        else if (characterization is not null && earlier.Characterization is not null && characterization != earlier.Characterization)
            problems.Add(path, $"'{statement}' characterizes this {noun} as '{earlier.Characterization}' at {problems.Where(earlier.Path)} and as '{characterization}' here; " +
                               "one statement gives one characterization");
        else if (earlier.Characterization is null && characterization is not null)
            seen[(target, statement)] = (position, characterization, path);
    }
}
