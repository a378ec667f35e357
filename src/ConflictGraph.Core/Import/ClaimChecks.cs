using ConflictGraph.Core.Import.Sources;
using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Import;

/// <summary>
/// Checks the claims of relations and facts, given as id lists or as claim objects, and collects
/// their statements for resolution. Copies of one relation or fact merge, so across all of them a
/// statement may hold one position with at most one characterization. What was seen is kept per
/// (target, statement) as a fingerprint and a place: 40 bytes a claim, and the text of a
/// characterization only for claims that have one.
/// </summary>
internal sealed class ClaimChecks(ProblemList problems, FieldChecks fields, List<PendingReference> references, Func<ItemPlace, string, string> where)
{
    /// <summary>A characterization is the speaker's own word or short phrase, not a sentence.</summary>
    public const int MaxCharacterizationLength = 80;

    private static readonly NodeKind[] Statements = [NodeKind.Statement];
    private static readonly string[] Lists = ["claimedByIds", "disputedByIds", "claims"];

    // (what is claimed, statement) -> the claim seen first: its item, list and index, position, whether it has a characterization
    private readonly Dictionary<UInt128, Seen> seen = [];
    private readonly Dictionary<UInt128, string> characterizations = [];

    private readonly record struct Seen(long Order, int Slot, ClaimPosition Position, bool Characterized);

    /// <param name="target">Names the merged relation or fact, or null when its identity is incomplete.</param>
    /// <param name="noun">"relation" or "fact", for messages.</param>
    public void IdList(List<string>? ids, ItemPlace place, string item, string field, ClaimPosition position, string? target, string noun)
    {
        var list = Array.IndexOf(Lists, field);
        for (var j = 0; j < (ids?.Count ?? 0); j++)
        {
            var statement = ids![j];
            if (string.IsNullOrWhiteSpace(statement))
            {
                problems.Add($"{item}.{field}[{j}]", "required");
                continue;
            }
            references.Add(new PendingReference(item, field, j, statement, Statements));
            Record(target, statement, position, null, place, list, j, $"{item}.{field}[{j}]", noun);
        }
    }

    public void Claims(List<ClaimInput>? claims, ItemPlace place, string item, string? target, string noun)
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
                Record(target, claim.StatementId!, GraphInputMapper.ToClaim(claim).Position, characterization, place, 2, j, path, noun);
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

    private void Record(
        string? target, string statement, ClaimPosition position, string? characterization, ItemPlace place, int list, int index, string path, string noun)
    {
        if (target is null) return;
        var key = Fingerprint.Of(target, statement);
        var slot = (list << 28) | index;
        if (!seen.TryGetValue(key, out var earlier))
        {
            Remember(key, place, slot, position, characterization);
            return;
        }
        var earlierPath = where(ItemPlace.FromOrder(earlier.Order), $".{Lists[earlier.Slot >> 28]}[{earlier.Slot & 0xFFFFFFF}]");
        var earlierCharacterization = earlier.Characterized ? characterizations[key] : null;
        if (earlier.Position != position)
            problems.Add(path, $"'{statement}' also {(earlier.Position == ClaimPosition.Claims ? "claims" : "disputes")} this {noun} ({earlierPath})");
        else if (characterization is not null && earlierCharacterization is not null && characterization != earlierCharacterization)
            problems.Add(path, $"'{statement}' characterizes this {noun} as '{earlierCharacterization}' at {earlierPath} and as '{characterization}' here; " +
                               "one statement gives one characterization");
        else if (earlierCharacterization is null && characterization is not null)
            Remember(key, place, slot, position, characterization);
    }

    private void Remember(UInt128 key, ItemPlace place, int slot, ClaimPosition position, string? characterization)
    {
        seen[key] = new Seen(place.Order, slot, position, characterization is not null);
        if (characterization is not null) characterizations[key] = characterization;
    }
}
