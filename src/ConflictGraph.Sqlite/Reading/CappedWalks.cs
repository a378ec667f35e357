using ConflictGraph.Core.Store;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>
/// How a walk over a level's relations stops at the level's <see cref="RowCap"/>: the statement ends with
/// <see cref="Limit"/>, so SQLite steps no further once one relation past the cap is out, and its reader checks what it
/// found against the cap. One home for both the clause and its value, whatever the walk.
/// </summary>
internal static class CappedWalks
{
    /// <summary>Ends a walk, a compound of probes included (the limit is the whole compound's).</summary>
    public const string Limit = " LIMIT $cap";

    /// <summary>
    /// The walk's limit: one relation past the cap, plus <paramref name="otherRows"/> rows the statement may return
    /// besides relations (the level's nodes asked for by id); no limit (-1) without a cap.
    /// </summary>
    public static void Bind(SqliteCommand command, RowCap cap, int otherRows = 0) =>
        command.Parameters.AddWithValue("$cap", cap.Bounds ? (long)cap.ReadUpTo + otherRows : -1L);
}
