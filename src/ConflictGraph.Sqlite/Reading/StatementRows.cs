using System.Text;
using static ConflictGraph.Sqlite.Reading.StatementCalls;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>
/// The rows of a <see cref="KeptStatement"/>, read one at a time with the getters a data reader has; each column is read
/// straight from SQLite's row, a text's bytes in place. Disposing them resets the statement for its next use, however
/// the read ended (every row read, a caller that stopped early, or an error).
/// </summary>
internal readonly struct StatementRows(KeptStatement statement, nint address, int timeoutSeconds, bool once, CancellationToken cancellationToken) : IDisposable
{
    private const int Null = 5;

    /// <summary>Steps to the next row: false at the end. An interrupted or failed step throws <see cref="Microsoft.Data.Sqlite.SqliteException"/>.</summary>
    public bool Read() => statement.Step(timeoutSeconds, cancellationToken);

    public bool IsNull(int column) => sqlite3_column_type(address, column) == Null;

    public long GetInt64(int column) => sqlite3_column_int64(address, column);

    public string GetString(int column) => Encoding.UTF8.GetString(ColumnText(address, column));

    /// <summary>A text column's UTF-8 bytes as SQLite holds them, valid until the next <see cref="Read"/> or the end.</summary>
    public ReadOnlySpan<byte> GetUtf8(int column) => ColumnText(address, column);

    public void Dispose() => statement.Finish(once);
}
