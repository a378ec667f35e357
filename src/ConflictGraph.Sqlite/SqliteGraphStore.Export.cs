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
        // The nodes events link to are few next to the events: each is read once per export.
        using var linked = new LinkedNodes(connection, transaction);
        var links = new EventExport.Links();
        foreach (var text in EventExport.Statements(filter, selection))
        {
            await using var command = connection.Command(text, transaction);
            filter.Bind(command);
            // Read synchronously (SQLite's async reads run the same calls and complete before they return): each
            // row is then one step of this iterator, which completes at once, with no awaiter per row.
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return EventExport.Read(reader, linked, links);
            }
        }
    }
}
