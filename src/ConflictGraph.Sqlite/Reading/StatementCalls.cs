using System.Runtime.InteropServices;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>
/// SQLite's calls on a prepared statement, made on its raw address. SQLitePCL's own calls take the statement as a
/// <see cref="SafeHandle"/>, which the runtime adds a reference to and releases around every call: two interlocked
/// operations for each column of each row (BENCHMARKS.md, "The 2-level request's CPU outside the page reads, session 28").
/// A <see cref="KeptStatement"/> holds its <see cref="SQLitePCL.sqlite3_stmt"/> for as long as it uses the address, and
/// one request uses it at a time, so nothing can finalize it in between. The library is the one SQLitePCL's provider loads.
/// </summary>
internal static unsafe class StatementCalls
{
    private const string Library = "e_sqlite3";

    /// <summary>SQLITE_TRANSIENT: SQLite copies a bound text before the call returns.</summary>
    private static readonly nint Transient = -1;

    [DllImport(Library, ExactSpelling = true)]
    public static extern int sqlite3_step(nint statement);

    [DllImport(Library, ExactSpelling = true)]
    public static extern int sqlite3_reset(nint statement);

    [DllImport(Library, ExactSpelling = true)]
    public static extern int sqlite3_clear_bindings(nint statement);

    [DllImport(Library, ExactSpelling = true)]
    public static extern int sqlite3_bind_int64(nint statement, int index, long value);

    [DllImport(Library, ExactSpelling = true)]
    public static extern int sqlite3_bind_double(nint statement, int index, double value);

    [DllImport(Library, ExactSpelling = true)]
    public static extern int sqlite3_bind_null(nint statement, int index);

    [DllImport(Library, ExactSpelling = true)]
    private static extern int sqlite3_bind_text(nint statement, int index, byte* text, int length, nint destructor);

    [DllImport(Library, ExactSpelling = true)]
    private static extern int sqlite3_bind_blob(nint statement, int index, byte* value, int length, nint destructor);

    // The column calls neither call back nor wait (the connection's mutex they enter is never contended: one request holds a
    // connection at a time), so they run without the runtime's transition out of managed code.
    [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
    public static extern int sqlite3_column_type(nint statement, int column);

    [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
    public static extern long sqlite3_column_int64(nint statement, int column);

    [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
    private static extern byte* sqlite3_column_text(nint statement, int column);

    [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
    private static extern int sqlite3_column_bytes(nint statement, int column);

    /// <summary>A UTF-8 text, copied by SQLite; an empty one still points somewhere, or SQLite would bind NULL.</summary>
    public static int BindText(nint statement, int index, ReadOnlySpan<byte> utf8)
    {
        fixed (byte* text = utf8.IsEmpty ? NotEmpty : utf8) return sqlite3_bind_text(statement, index, text, utf8.Length, Transient);
    }

    public static int BindBlob(nint statement, int index, ReadOnlySpan<byte> value)
    {
        fixed (byte* bytes = value.IsEmpty ? NotEmpty : value) return sqlite3_bind_blob(statement, index, bytes, value.Length, Transient);
    }

    private static readonly byte[] NotEmpty = [0];

    /// <summary>
    /// A column's text as SQLite holds it in UTF-8, valid until the next step or reset of the statement (empty for NULL).
    /// The text is asked for before its length, as SQLite's documentation says to.
    /// </summary>
    public static ReadOnlySpan<byte> ColumnText(nint statement, int column)
    {
        var text = sqlite3_column_text(statement, column);
        return text is null ? default : new ReadOnlySpan<byte>(text, sqlite3_column_bytes(statement, column));
    }
}
