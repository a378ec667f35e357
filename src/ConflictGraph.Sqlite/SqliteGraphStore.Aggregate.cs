using ConflictGraph.Core.Aggregation;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite.Aggregation;
using ConflictGraph.Sqlite.Reading;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite;

public sealed partial class SqliteGraphStore
{
    public Task<EventAggregate> AggregateEventsAsync(EventAggregateQuery query, CancellationToken cancellationToken) =>
        AggregateEventsAsync(query, byPlaceRows: true, cancellationToken);

    /// <param name="byPlaceRows">False to find a place's events through the event filter, not its roll-up rows (see <see cref="AggregateSql.For"/>).</param>
    internal Task<EventAggregate> AggregateEventsAsync(EventAggregateQuery query, bool byPlaceRows, CancellationToken cancellationToken) =>
        AggregateEventsAsync(query, byPlaceRows, byCells: true, cancellationToken);

    /// <param name="byCells">False to read events even where the kept cells answer (see <see cref="AggregateSql.CellsAnswer"/>).</param>
    internal async Task<EventAggregate> AggregateEventsAsync(EventAggregateQuery query, bool byPlaceRows, bool byCells, CancellationToken cancellationToken)
    {
        var problems = query.Problems().ToList();
        if (problems.Count > 0) throw new ArgumentException(string.Join("; ", problems), nameof(query));
        var sql = AggregateSql.For(query, byPlaceRows, byCells);
        await using var connection = Open(cancellationToken);
        // One statement: the groups and the total see the same state, and share the selected events.
        await using var command = connection.CreateCommand();
        command.CommandText = sql.Statement();
        sql.Bind(command);
        EventGroup? total = null;
        var groups = new List<EventGroup>();
        var dimensions = query.GroupBy;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var whole = reader.GetInt64(0) == 1;
            var keys = whole ? [] : dimensions.Select((d, i) => GroupKeys.Read(
                d, reader.GetString(1 + i), reader.IsDBNull(1 + dimensions.Count + i) ? null : reader.GetString(1 + dimensions.Count + i), query.Bucket, query.PlaceLevel)).ToList();
            var at = 1 + dimensions.Count * 2;
            long Measure(int offset) => reader.GetInt64(at + offset);
            CasualtyTally Tally(int offset) => new(Measure(offset), Measure(offset + 1), Measure(offset + 2), Measure(offset + 3), Measure(offset + 4), Measure(offset + 5));
            var group = new EventGroup(keys, (int)Measure(0), (int)Measure(1), (int)Measure(2), SharedDeaths.Total(Tally(3), Tally(9)));
            if (whole) total = group;
            else groups.Add(group);
        }
        if (total is null) throw new InvalidOperationException("the aggregate statement returned no total row");
        if (query.GroupBy.Count == 0 && total.Events > 0 && query.First > 0) groups.Add(total);
        return new EventAggregate(groups, total);
    }
}
