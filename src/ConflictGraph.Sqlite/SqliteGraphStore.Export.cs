using System.Runtime.CompilerServices;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite.Reading;

namespace ConflictGraph.Sqlite;

public sealed partial class SqliteGraphStore
{
    public async IAsyncEnumerable<EventRecord> ExportEventsAsync(EventSelection selection, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = NodeFilters.For(selection.ToNodeQuery());
        await using var connection = Open(cancellationToken);
        // One read transaction, so the dated and the undated walks see the same state.
        await using var transaction = connection.BeginTransaction(deferred: true);
        // The read starts here, through a command, which waits out a busy file (up to the store's busy timeout) as every
        // command does; the rows' statements below read in it and so never meet a busy file themselves, which they would
        // not wait out (RowStatement steps once).
        connection.Execute("PRAGMA schema_version", transaction);
        // The nodes events link to are few next to the events: each is read once per export.
        using var linked = new LinkedNodes(connection, transaction);
        var links = new EventExport.Links();
        foreach (var text in EventExport.Statements(filter, selection))
        {
            using var statement = EventExport.Prepare(connection, text, filter);
            // Read synchronously (SQLite's calls complete before they return): each row is then one step of this
            // iterator, which completes at once, with no awaiter per row.
            using var rows = statement.Rows();
            while (rows.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return EventExport.Read(rows, linked, links);
            }
        }
    }
}
