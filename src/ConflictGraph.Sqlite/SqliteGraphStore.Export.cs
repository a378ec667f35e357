using System.Runtime.CompilerServices;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite.Reading;
using ConflictGraph.Sqlite.Writing;

namespace ConflictGraph.Sqlite;

public sealed partial class SqliteGraphStore
{
    public async IAsyncEnumerable<EventRecord> ExportEventsAsync(EventSelection selection, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = NodeFilters.For(selection.ToNodeQuery());
        await using var connection = Open(cancellationToken);
        // One read transaction, so the dated and the undated walks see the same state.
        await using var transaction = connection.BeginTransaction(deferred: true);
        // Places are few next to events: each is read and parsed once per export.
        var places = new Dictionary<string, Place?>(StringComparer.Ordinal);
        Place? PlaceOf(string id)
        {
            if (places.TryGetValue(id, out var place)) return place;
            using var read = connection.CreateCommand();
            read.Transaction = transaction;
            read.CommandText = "SELECT kind, body FROM nodes WHERE id = $id";
            read.Parameters.AddWithValue("$id", id);
            using var found = read.ExecuteReader();
            return places[id] = found.Read() ? NodeRow.Parse(found.GetString(0), found.GetString(1)) as Place : null;
        }
        foreach (var text in EventExport.Statements(filter, selection))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = text;
            filter.Bind(command);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) yield return EventExport.Read(reader, PlaceOf);
        }
    }
}
