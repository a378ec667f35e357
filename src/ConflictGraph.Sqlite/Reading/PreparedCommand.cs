using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>
/// A command kept by its <see cref="ReadConnection"/> with its statements prepared: disposing it
/// after a use clears its parameters and transaction and leaves the statements prepared.
/// </summary>
internal sealed class PreparedCommand : SqliteCommand
{
    private readonly ReadConnection owner;

    public PreparedCommand(string sql, ReadConnection owner) : base(sql, owner) => this.owner = owner;

    /// <summary>True from <see cref="Lease"/> until the user disposes it.</summary>
    public bool InUse { get; private set; }

    /// <summary>When it was last leased, in the connection's count of uses (for eviction).</summary>
    public long LastUse { get; private set; }

    /// <summary>Its statement prepared for reading through SQLite's own API (<see cref="Statements.Rows"/>), once a read asks for it.</summary>
    private KeptStatement? rows;

    /// <summary>Its statement read as rows, prepared at the first use; reset by the rows' disposal, finalized with the command.</summary>
    public StatementRows Rows(CancellationToken cancellationToken) =>
        (rows ??= new KeptStatement(owner, CommandText)).Rows(Parameters, CommandTimeout, once: false, cancellationToken);

    public void Lease(SqliteTransaction? transaction, long use)
    {
        InUse = true;
        LastUse = use;
        Transaction = transaction;
    }

    /// <summary>Disposes it for good (eviction, or the connection closing).</summary>
    public void Release()
    {
        InUse = false;
        DisposeStatements(true);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && InUse && owner.Keeps(this))
        {
            InUse = false;
            Parameters.Clear();
            Transaction = null;
            return;
        }
        DisposeStatements(disposing);
    }

    private void DisposeStatements(bool disposing)
    {
        if (disposing)
        {
            rows?.Dispose();
            rows = null;
        }
        base.Dispose(disposing);
    }
}
