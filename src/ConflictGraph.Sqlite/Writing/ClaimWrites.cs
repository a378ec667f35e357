using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;

namespace ConflictGraph.Sqlite.Writing;

/// <summary>The prepared commands that read and write the claims of one kind of owner (relations or facts).</summary>
internal sealed record ClaimCommands(RowStatement Read, RowStatement Upsert, RowStatement UpdateStatus);

/// <summary>What a merge did to a relation's or fact's claims: created it, or updated it from <see cref="Before"/> to <see cref="After"/> (by statement id).</summary>
internal sealed record ClaimMergeOutcome(ChangeKind Change, IReadOnlyList<Claim>? Before = null, IReadOnlyList<Claim>? After = null)
{
    public static readonly ClaimMergeOutcome Created = new(ChangeKind.Created);
}

/// <summary>
/// Merges an incoming relation's or fact's claims onto the stored ones by the core's
/// <see cref="ClaimMerge"/> and writes the result with the status the core's rule gives.
/// </summary>
internal static class ClaimWrites
{
    /// <param name="tryInsert">Inserts the owner's row with the given status; false when it is stored already (nothing inserted).</param>
    /// <returns>What changed, or null when the owner existed and nothing changed.</returns>
    public static ClaimMergeOutcome? Merge(ClaimCommands commands, string id, IReadOnlyList<Claim> incoming, Func<string, bool> tryInsert)
    {
        // Most owners of a large import are new: try the insert first, read the stored claims only when it meets a row.
        var claims = new Dictionary<string, Claim>(StringComparer.Ordinal);
        ClaimMerge.Merge(claims, incoming);
        if (tryInsert(EnumNames.Of(ClaimMerge.Status(claims.Values))))
        {
            Upsert(commands, id, claims.Values);
            return ClaimMergeOutcome.Created;
        }
        claims = Read(commands.Read, id);
        var before = ClaimMerge.Ordered(claims.Values);
        if (!ClaimMerge.Merge(claims, incoming)) return null;
        commands.UpdateStatus.With(id, EnumNames.Of(ClaimMerge.Status(claims.Values))).Run();
        Upsert(commands, id, claims.Values);
        return new ClaimMergeOutcome(ChangeKind.Updated, before, ClaimMerge.Ordered(claims.Values));
    }

    /// <summary>The stored claims of one relation or fact, by statement id.</summary>
    public static Dictionary<string, Claim> Read(RowStatement read, string id)
    {
        var claims = new Dictionary<string, Claim>(StringComparer.Ordinal);
        using var reader = read.With(id).Rows();
        while (reader.Read())
            claims[reader.GetString(0)] = new Claim(reader.GetString(0), reader.GetInt64(1) == 0 ? ClaimPosition.Claims : ClaimPosition.Disputes,
                reader.IsNull(2) ? null : reader.GetString(2));
        return claims;
    }

    private static void Upsert(ClaimCommands commands, string id, IEnumerable<Claim> claims)
    {
        foreach (var claim in claims)
            commands.Upsert.With(id, claim.StatementId, claim.Disputes ? 1 : 0, claim.Characterization).Run();
    }
}
