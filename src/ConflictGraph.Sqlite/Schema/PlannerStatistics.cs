using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Schema;

/// <summary>
/// Keeps SQLite's planner statistics (sqlite_stat1) in step with the file: on open and after every
/// write, <c>PRAGMA optimize</c> checks every table and analyzes those never analyzed or grown or
/// shrunk a lot since, reading a bounded sample of each index (about 3 s for a 1M-event file the
/// first time, a few milliseconds when nothing changed). The reads are shaped to use their indexes
/// whatever the statistics say (see QueryPlanTests); the statistics only help where the planner
/// still has a choice.
/// </summary>
internal static class PlannerStatistics
{
    // 0x10000: check every table, not only those this connection used; 0x10: sample (analysis_limit); 0x2: analyze.
    private const string Optimize = "PRAGMA optimize = 0x10012;";

    /// <summary>
    /// Refreshes the statistics; inside <paramref name="transaction"/> when given, where the planner then
    /// plans the transaction's later statements with the rows it has written so far.
    /// </summary>
    public static void Refresh(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        try
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Optimize;
            command.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // Advisory: another writer holding the file (SQLITE_BUSY) must not fail the open or the write that just committed.
        }
    }
}
