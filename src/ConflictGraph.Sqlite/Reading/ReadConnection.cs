using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>
/// An open read connection that outlives the request using it: disposing it hands it back to its
/// <see cref="ReadConnections"/>, and the statements it prepared stay prepared for the next request
/// (Microsoft.Data.Sqlite finalizes a command's statements when the command or its connection is
/// disposed, so each read used to parse and plan its SQL again). One request holds it at a time.
/// </summary>
internal sealed class ReadConnection : InterruptibleConnection
{
    /// <summary>How many statements one connection keeps prepared; the least recently used goes first.</summary>
    public const int MaxStatements = 64;

    /// <summary>SQL longer than this is prepared for one use only (generated statements that rarely repeat).</summary>
    public const int MaxStatementChars = 8_192;

    private readonly ReadConnections pool;
    private readonly Dictionary<string, PreparedCommand> prepared = new(StringComparer.Ordinal);
    private long uses;
    private bool closing;

    public ReadConnection(string connectionString, ReadConnections pool) : base(connectionString) => this.pool = pool;

    /// <summary>Opens the file and maps its first <see cref="ReadConnections.MapBytes"/>.</summary>
    public override void Open()
    {
        // A kept connection is open already.
        if (State == System.Data.ConnectionState.Open) return;
        base.Open();
        using var map = CreateCommand();
        map.CommandText = $"PRAGMA mmap_size = {pool.MapBytes}";
        map.ExecuteNonQuery();
    }

    /// <summary>How many statements are prepared now, for tests.</summary>
    internal int PreparedCount => prepared.Count;

    /// <summary>A command for <paramref name="sql"/>, prepared before if it ran on this connection; disposing it keeps it for the next use.</summary>
    public SqliteCommand Command(string sql, SqliteTransaction? transaction)
    {
        if (sql.Length > MaxStatementChars) return new SqliteCommand(sql, this, transaction);
        if (prepared.TryGetValue(sql, out var known))
        {
            // The same statement still open further up the call (a nested read): this use gets its own.
            if (known.InUse) return new SqliteCommand(sql, this, transaction);
            known.Lease(transaction, ++uses);
            return known;
        }
        if (prepared.Count >= MaxStatements) Evict();
        var command = new PreparedCommand(sql, this);
        prepared[sql] = command;
        command.Lease(transaction, ++uses);
        return command;
    }

    /// <summary>Called by a kept command as it is disposed: false when it must really be disposed (its text was changed, or the connection closes).</summary>
    internal bool Keeps(PreparedCommand command) =>
        !closing && prepared.TryGetValue(command.CommandText, out var known) && ReferenceEquals(known, command);

    private void Evict()
    {
        var oldest = prepared.Values.Where(c => !c.InUse).MinBy(c => c.LastUse);
        if (oldest is null) return;
        prepared.Remove(oldest.CommandText);
        oldest.Release();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !closing)
        {
            // Before the connection is kept for the next request.
            LetGo();
            if (pool.TryKeep(this)) return;
        }
        closing = true;
        foreach (var command in prepared.Values) command.Release();
        prepared.Clear();
        base.Dispose(disposing);
    }
}
