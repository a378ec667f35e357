using ConflictGraph.Core.Aggregation;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using ConflictGraph.Neo4j.Cypher;
using ConflictGraph.Neo4j.Wire;

namespace ConflictGraph.Neo4j;

public sealed partial class Neo4jGraphStore
{
    /// <summary>
    /// One statement (<see cref="AggregateQuery"/>) counts and sums in the database and returns the total
    /// and the First largest groups; with words, the full-text index is asked in a subquery of that statement, as the events list does.
    /// </summary>
    public async Task<EventAggregate> AggregateEventsAsync(EventAggregateQuery query, CancellationToken cancellationToken)
    {
        var problems = query.Problems().ToList();
        if (problems.Count > 0) throw new ArgumentException(string.Join("; ", problems), nameof(query));
        var aggregate = new AggregateQuery(query);
        var rows = (await ReadAsync(aggregate.Text, aggregate.Parameters, cancellationToken)).Records.ToList();
        var totalRow = rows.Where(r => r["keys"] is null).Select(r => (QueryRow?)r).SingleOrDefault();
        if (totalRow is { } found && found.Long("untallied") is var untallied and > 0) throw Untallied(untallied);
        var total = totalRow is { } t ? Group(t, [], query) : new EventGroup([], 0, 0, 0, CasualtyEstimate.None);
        var groups = query.GroupBy.Count == 0
            ? total.Events > 0 && query.First > 0 ? [total] : []
            : rows.Where(r => r["keys"] is not null).Select(r => Group(r, query.GroupBy, query)).Order(EventAggregate.Order).Take(query.First).ToList();
        return new EventAggregate(groups, total);
    }

    private static EventGroup Group(QueryRow row, IReadOnlyList<Core.Model.EventDimension> dimensions, EventAggregateQuery query)
    {
        var values = row["keys"] as IReadOnlyList<object?> ?? [];
        var labels = row["labels"] as IReadOnlyList<object?> ?? [];
        var keys = dimensions.Select((d, i) => GroupKeys.Read(d, (string)values[i]!, labels.ElementAtOrDefault(i) as string, query.Bucket, query.PlaceLevel)).ToList();
        CasualtyTally Tally(string prefix)
        {
            long M(int i) => row.Long(prefix + AggregateQuery.TallyFields[i]);
            return new CasualtyTally(M(0), M(1), M(2), M(3), M(4), M(5));
        }
        return new EventGroup(keys, (int)row.Long("events"), (int)row.Long("imprecise"), (int)row.Long("disputed"), SharedDeaths.Total(Tally(""), Tally("f_")));
    }

    /// <summary>Events written before killed tallies were kept: aggregates would be wrong, so they are refused with the fix.</summary>
    private static StoreUnavailableException Untallied(long events) => new(
        $"{events} events have no killed tally yet (written before the store kept one on each event); " +
        "give them theirs with 'conflictgraph neo4j migrate'");
}
