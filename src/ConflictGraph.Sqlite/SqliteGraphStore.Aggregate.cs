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
    public async Task<EventAggregate> AggregateEventsAsync(EventAggregateQuery query, CancellationToken cancellationToken)
    {
        var problems = query.Problems().ToList();
        if (problems.Count > 0) throw new ArgumentException(string.Join("; ", problems), nameof(query));
        var filter = NodeFilters.For(query.Events.ToNodeQuery());
        var sql = new AggregateSql(query, filter);
        await using var connection = Open(cancellationToken);
        // One read transaction: the groups and the total see the same state.
        await using var transaction = connection.BeginTransaction(deferred: true);
        var total = (await ReadGroupsAsync(connection, transaction, sql.Total(), sql, [], query, cancellationToken)).Single();
        var groups = query.GroupBy.Count == 0
            ? total.Events > 0 && query.First > 0 ? [total] : []
            : await ReadGroupsAsync(connection, transaction, sql.Groups(), sql, query.GroupBy, query, cancellationToken);
        return new EventAggregate(groups, total);
    }

    private static async Task<IReadOnlyList<EventGroup>> ReadGroupsAsync(
        SqliteConnection connection, SqliteTransaction transaction, string text, AggregateSql sql, IReadOnlyList<EventDimension> dimensions,
        EventAggregateQuery query, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        sql.Bind(command);
        var groups = new List<EventGroup>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var keys = dimensions.Select((d, i) => GroupKeys.Read(
                d, reader.GetString(i), reader.IsDBNull(dimensions.Count + i) ? null : reader.GetString(dimensions.Count + i), query.Bucket, query.PlaceLevel)).ToList();
            var at = dimensions.Count * 2;
            long Measure(int offset) => reader.GetInt64(at + offset);
            CasualtyTally Tally(int offset) => new(Measure(offset), Measure(offset + 1), Measure(offset + 2), Measure(offset + 3), Measure(offset + 4), Measure(offset + 5));
            groups.Add(new EventGroup(keys, (int)Measure(0), (int)Measure(1), (int)Measure(2), SharedDeaths.Total(Tally(3), Tally(9))));
        }
        return groups;
    }
}
