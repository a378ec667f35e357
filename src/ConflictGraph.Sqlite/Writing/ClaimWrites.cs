using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Writing;

/// <summary>The prepared commands that read and write the claims of one kind of owner (relations or facts).</summary>
internal sealed record ClaimCommands(SqliteCommand Read, SqliteCommand Upsert, SqliteCommand UpdateStatus);

/// <summary>
/// Merges an incoming relation's or fact's claims onto the stored ones by the core's
/// <see cref="ClaimMerge"/> and writes the result with the status the core's rule gives.
/// </summary>
internal static class ClaimWrites
{
    /// <param name="insert">Inserts the owner's row with the given status, when it did not exist.</param>
    /// <returns>Created or Updated, or null when the owner existed and nothing changed.</returns>
    public static ChangeKind? Merge(ClaimCommands commands, string id, bool exists, IReadOnlyList<Claim> incoming, Action<string> insert)
    {
        var claims = new Dictionary<string, Claim>(StringComparer.Ordinal);
        if (exists)
        {
            using var reader = commands.Read.With(id).ExecuteReader();
            while (reader.Read())
                claims[reader.GetString(0)] = new Claim(reader.GetString(0), reader.GetInt64(1) == 0 ? ClaimPosition.Claims : ClaimPosition.Disputes,
                    reader.IsDBNull(2) ? null : reader.GetString(2));
        }
        var changed = ClaimMerge.Merge(claims, incoming);
        if (exists && !changed) return null;
        var status = EnumNames.Of(ClaimMerge.Status(claims.Values));
        if (!exists) insert(status);
        else commands.UpdateStatus.With(id, status).ExecuteNonQuery();
        foreach (var claim in claims.Values)
            commands.Upsert.With(id, claim.StatementId, claim.Disputes ? 1 : 0, claim.Characterization).ExecuteNonQuery();
        return exists ? ChangeKind.Updated : ChangeKind.Created;
    }
}
