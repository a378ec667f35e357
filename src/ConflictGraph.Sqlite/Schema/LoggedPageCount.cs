using ConflictGraph.Sqlite.Reading;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Schema;

/// <summary>
/// Leaves the write-ahead log, as reads find it after the store opens, holding a commit and copied back into the file:
/// the state in which SQLite starts a read transaction and fetches its pages with the least work (BENCHMARKS.md, "The
/// system calls of a read, session 30").
/// <list type="bullet">
/// <item>SQLite starts every read transaction by asking the log's index for the file's page count (pager.c's
/// <c>pagerPagecount</c>, wal.c's <c>sqlite3WalDbsize</c>). An index rebuilt from an empty log has none until something
/// commits, and until then each read transaction calls <c>fstat</c> on the file instead (os_unix.c's <c>unixFileSize</c>;
/// a system call of about 4.7 µs on the measuring machine, two a 2-level request). A store over a file that nothing
/// wrote to since its log was last emptied (an imported file) stayed so for as long as it only read.</item>
/// <item>While the log holds frames not yet copied back into the file, every page a read fetches is first looked up in
/// the log's index (wal.c's <c>sqlite3WalFindFrame</c>); once all are copied back, a read takes the first read slot
/// and skips the lookup (<c>walTryBeginRead</c>). SQLite copies them back only every 1000 pages written, or when the
/// last connection to the file closes.</item>
/// </list>
/// </summary>
internal static class LoggedPageCount
{
    /// <summary>
    /// Commits the file's <c>user_version</c> back unchanged when the log beside <paramref name="path"/> holds no frame
    /// (one page written, nothing in the data, the schema or the change log changed), then copies the log back into the
    /// file. Neither waits for another connection: a writer holding the file skips the commit (its own gives the log
    /// the page count as well), and a reader in the way of the copy leaves it to SQLite's next.
    /// </summary>
    public static void Ensure(SqliteConnection connection, string path)
    {
        if (!LogHoldsAFrame(path)) CommitUnchanged(connection);
        // PASSIVE copies what no reader still needs and never waits; Microsoft.Data.Sqlite's commands would retry a busy lock.
        SQLitePCL.raw.sqlite3_exec(connection.Handle, "PRAGMA wal_checkpoint(PASSIVE)");
    }

    private static void CommitUnchanged(SqliteConnection connection)
    {
        if (SQLitePCL.raw.sqlite3_exec(connection.Handle, "BEGIN IMMEDIATE") != SQLitePCL.raw.SQLITE_OK) return;
        try
        {
            // Read inside the write lock: another build's migration cannot come in between.
            connection.Execute($"PRAGMA user_version = {Migrations.UserVersion(connection)}");
            connection.Execute("COMMIT");
        }
        finally
        {
            if (SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) == 0) SQLitePCL.raw.sqlite3_exec(connection.Handle, "ROLLBACK");
        }
    }

    /// <summary>SQLite's log is the file's name with <c>-wal</c>; a frame is a 24-byte header and a page after the log's 32-byte header.</summary>
    internal static bool LogHoldsAFrame(string path)
    {
        var log = new FileInfo(path + "-wal");
        return log.Exists && log.Length > 32 + 24;
    }
}
