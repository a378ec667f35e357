using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ConflictGraph.Sqlite.Writing;

/// <summary>
/// A statement a write runs once per item, prepared once and bound by position through SQLite's own API.
/// A <see cref="SqliteCommand"/> looks up every parameter by name, copies every text into a new
/// UTF-8 array and makes a reader and its enumerators at every run; for a write of millions of rows
/// that overhead cost more than SQLite's own work on them. Errors surface as the
/// <see cref="SqliteException"/> Microsoft.Data.Sqlite would throw.
/// </summary>
internal sealed class RowStatement : IDisposable
{
    private readonly sqlite3 database;
    private readonly sqlite3_stmt statement;
    // The position SQLite gave each parameter, in the order the constructor named them.
    private readonly int[] positions;
    // Where a text is encoded for binding; SQLite copies it at once, so one buffer serves every parameter.
    private byte[] encoded = new byte[4096];

    /// <param name="connection">An open connection; the statement runs in whatever transaction it has open.</param>
    /// <param name="parameters">Every parameter of the SQL, by name, in the order <see cref="With"/> takes their values.</param>
    public RowStatement(SqliteConnection connection, string sql, params string[] parameters)
    {
        database = connection.Handle!;
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(database, sql, out statement), database);
        positions = parameters.Select(name => raw.sqlite3_bind_parameter_index(statement, name)).ToArray();
        if (positions.Contains(0) || positions.Distinct().Count() != raw.sqlite3_bind_parameter_count(statement))
        {
            statement.Dispose();
            throw new ArgumentException($"the parameters ({string.Join(", ", parameters)}) are not those of: {sql}");
        }
    }

    /// <summary>
    /// A statement with each of its parameters bound to the value of the same name in <paramref name="values"/>
    /// (a <see cref="SqliteCommand"/>'s, filled by whoever builds the SQL); values the SQL does not use are left
    /// out, as a command leaves them.
    /// </summary>
    /// <exception cref="ArgumentException">A parameter of the SQL has no value.</exception>
    public static RowStatement Bound(SqliteConnection connection, string sql, SqliteParameterCollection values)
    {
        var database = connection.Handle!;
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(database, sql, out var prepared), database);
        try
        {
            var positions = Enumerable.Range(1, raw.sqlite3_bind_parameter_count(prepared)).ToArray();
            var bound = new object?[positions.Length];
            foreach (var at in positions)
            {
                var name = raw.sqlite3_bind_parameter_name(prepared, at).utf8_to_string();
                if (name is null || !values.Contains(name)) throw new ArgumentException($"no value for the parameter {name ?? $"?{at}"} of: {sql}");
                bound[at - 1] = values[name].Value is var value && value == DBNull.Value ? null : value;
            }
            return new RowStatement(database, prepared, positions).With(bound);
        }
        catch
        {
            prepared.Dispose();
            throw;
        }
    }

    private RowStatement(sqlite3 database, sqlite3_stmt statement, int[] positions)
    {
        this.database = database;
        this.statement = statement;
        this.positions = positions;
    }

    /// <summary>Binds the values to the parameters in the order the constructor named them (null as NULL).</summary>
    public RowStatement With(params ReadOnlySpan<object?> values)
    {
        if (values.Length != positions.Length) throw new ArgumentException($"{values.Length} values for {positions.Length} parameters");
        raw.sqlite3_reset(statement);
        for (var i = 0; i < values.Length; i++)
        {
            var at = positions[i];
            var rc = values[i] switch
            {
                null => raw.sqlite3_bind_null(statement, at),
                // An empty span has no address, which SQLite would bind as NULL.
                "" => raw.sqlite3_bind_text(statement, at, ""),
                string text => raw.sqlite3_bind_text(statement, at, Utf8(text)),
                // Text already in UTF-8 (a node's body as the serializer wrote it), bound without a string between.
                byte[] { Length: 0 } => raw.sqlite3_bind_text(statement, at, ""),
                byte[] utf8 => raw.sqlite3_bind_text(statement, at, utf8),
                long number => raw.sqlite3_bind_int64(statement, at, number),
                int number => raw.sqlite3_bind_int64(statement, at, number),
                double number => raw.sqlite3_bind_double(statement, at, number),
                var other => throw new ArgumentException($"cannot bind a {other.GetType().Name} to a row statement"),
            };
            SqliteException.ThrowExceptionForRC(rc, database);
        }
        return this;
    }

    /// <summary>The text as UTF-8 in <see cref="encoded"/>: .NET encodes in bulk, where SQLite would convert UTF-16 a character at a time.</summary>
    private ReadOnlySpan<byte> Utf8(string text)
    {
        var most = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (most > encoded.Length) encoded = new byte[Math.Max(most, encoded.Length * 2)];
        return encoded.AsSpan(0, Encoding.UTF8.GetBytes(text, encoded));
    }

    /// <summary>Runs the statement to its end; the number of rows it inserted, updated or deleted.</summary>
    public int Run()
    {
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW) { }
            Check(rc);
            return raw.sqlite3_changes(database);
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    /// <summary>
    /// Runs an INSERT that may insert one row or none (ON CONFLICT DO NOTHING): the new row's rowid, or null when it
    /// inserted nothing. Cheaper than RETURNING, which has SQLite collect the returned rows in a table of their own at every run.
    /// </summary>
    public long? Inserted() => Run() == 1 ? raw.sqlite3_last_insert_rowid(database) : null;

    /// <summary>The first column of the first row as an integer, or null when there is no row or it is NULL.</summary>
    public long? Int64()
    {
        using var rows = Rows();
        return rows.Read() && !rows.IsNull(0) ? rows.GetInt64(0) : null;
    }

    /// <summary>The rows, read one at a time; disposing them resets the statement for its next run.</summary>
    public StatementRows Rows() => new(this);

    public void Dispose() => statement.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW) SqliteException.ThrowExceptionForRC(rc, database);
    }

    /// <summary>A reading of a <see cref="RowStatement"/>'s rows, with the getters a data reader has.</summary>
    internal readonly struct StatementRows(RowStatement owner) : IDisposable
    {
        public bool Read()
        {
            var rc = raw.sqlite3_step(owner.statement);
            owner.Check(rc);
            return rc == raw.SQLITE_ROW;
        }

        public bool IsNull(int column) => raw.sqlite3_column_type(owner.statement, column) == raw.SQLITE_NULL;

        public long GetInt64(int column) => raw.sqlite3_column_int64(owner.statement, column);

        public string GetString(int column) => raw.sqlite3_column_text(owner.statement, column).utf8_to_string();

        /// <summary>A text column's UTF-8 bytes as SQLite holds them, valid until the next step or reset.</summary>
        public ReadOnlySpan<byte> GetUtf8(int column) => raw.sqlite3_column_blob(owner.statement, column);

        public void Dispose() => raw.sqlite3_reset(owner.statement);
    }
}
