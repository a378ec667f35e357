using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using static ConflictGraph.Sqlite.Reading.StatementCalls;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>
/// A read's statement prepared through SQLite's own API and stepped directly (<see cref="StatementRows"/>), bound from a
/// command's parameters. Microsoft.Data.Sqlite's reader checks its state, finds its statement and ref-counts SQLite's
/// handle at every column it reads; a read of a few rows of a few columns spent a tenth of a 2-level request there. A
/// <see cref="PreparedCommand"/> keeps one for its text as long as its connection keeps it; any other command's lasts one
/// use. Binding follows Microsoft.Data.Sqlite's: a parameter by its name with or without its prefix, a value by its type,
/// and a statement parameter without a value is an error. Its errors are the <see cref="SqliteException"/>s the reader threw.
/// </summary>
internal sealed class KeptStatement : IDisposable
{
    private readonly sqlite3 database;
    private readonly sqlite3_stmt statement;
    private readonly nint address;
    // The name of each parameter of the SQL by its position (index 0 for position 1).
    private readonly string[] names;
    private byte[] encoded = new byte[256];
    private bool stepped, done;

    public KeptStatement(SqliteConnection connection, string sql)
    {
        database = connection.Handle!;
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(database, sql, out statement, out var rest), database);
        if (statement.IsInvalid || !string.IsNullOrWhiteSpace(rest))
        {
            statement.Dispose();
            throw new ArgumentException($"not one statement, read as rows: {sql}");
        }
        address = statement.DangerousGetHandle();
        names = new string[raw.sqlite3_bind_parameter_count(statement)];
        for (var at = 0; at < names.Length; at++) names[at] = raw.sqlite3_bind_parameter_name(statement, at + 1).utf8_to_string() ?? $"?{at + 1}";
    }

    /// <summary>The statement's rows with <paramref name="parameters"/> bound; dispose them to reset it for its next use.</summary>
    /// <exception cref="InvalidOperationException">A parameter of the SQL has no value, or a value of a type SQLite has no column for.</exception>
    public StatementRows Rows(SqliteParameterCollection parameters, int timeoutSeconds, bool once, CancellationToken cancellationToken)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var at = 0; at < names.Length; at++) Bind(at + 1, Value(parameters, names[at]));
        }
        catch
        {
            Finish(once);
            throw;
        }
        (stepped, done) = (false, false);
        return new StatementRows(this, address, timeoutSeconds, once, cancellationToken);
    }

    private static object? Value(SqliteParameterCollection parameters, string name)
    {
        var at = parameters.IndexOf(name);
        // Microsoft.Data.Sqlite also takes a parameter named without its prefix ($, : or @).
        if (at < 0) at = parameters.IndexOf(name[1..]);
        if (at < 0) throw new InvalidOperationException($"Must add values for the following parameters: {name}");
        return parameters[at].Value;
    }

    private void Bind(int at, object? value)
    {
        var rc = value switch
        {
            null or DBNull => sqlite3_bind_null(address, at),
            string text => BindText(address, at, Utf8(text)),
            long number => sqlite3_bind_int64(address, at, number),
            int number => sqlite3_bind_int64(address, at, number),
            bool flag => sqlite3_bind_int64(address, at, flag ? 1 : 0),
            double number => sqlite3_bind_double(address, at, number),
            byte[] bytes => BindBlob(address, at, bytes),
            var other => throw new InvalidOperationException($"cannot bind a {other.GetType().Name} to parameter {names[at - 1]} of a statement read as rows"),
        };
        SqliteException.ThrowExceptionForRC(rc, database);
    }

    private ReadOnlySpan<byte> Utf8(string text)
    {
        var most = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (most > encoded.Length) encoded = new byte[Math.Max(most, encoded.Length * 2)];
        return encoded.AsSpan(0, Encoding.UTF8.GetBytes(text, encoded));
    }

    /// <summary>
    /// The next row, or false at the end. The first step retries while the file is busy or locked, up to the command's
    /// timeout, as Microsoft.Data.Sqlite's reader does; a failed step resets the statement before it throws.
    /// </summary>
    internal bool Step(int timeoutSeconds, CancellationToken cancellationToken)
    {
        if (done) return false;
        cancellationToken.ThrowIfCancellationRequested();
        var rc = sqlite3_step(address);
        if (!stepped && rc is raw.SQLITE_BUSY or raw.SQLITE_LOCKED)
        {
            var waited = Stopwatch.StartNew();
            while (rc is raw.SQLITE_BUSY or raw.SQLITE_LOCKED && (timeoutSeconds == 0 || waited.ElapsedMilliseconds < timeoutSeconds * 1000L))
            {
                sqlite3_reset(address);
                Thread.Sleep(150);
                rc = sqlite3_step(address);
            }
        }
        stepped = true;
        if (rc == raw.SQLITE_ROW) return true;
        done = true;
        if (rc == raw.SQLITE_DONE) return false;
        try
        {
            // Builds the exception from the connection's message for this step, then resets.
            SqliteException.ThrowExceptionForRC(rc, database);
            return false;
        }
        finally
        {
            sqlite3_reset(address);
        }
    }

    /// <summary>Resets the statement and lets go of its values; one of a single use is finalized.</summary>
    internal void Finish(bool once)
    {
        sqlite3_reset(address);
        sqlite3_clear_bindings(address);
        if (once) Dispose();
    }

    public void Dispose() => statement.Dispose();
}
