using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>
/// Turns a <see cref="RelationQuery"/> into conditions on the relations table (alias r). Criteria
/// that name a few relations (an end, who claims it, who carried out its events, a date window)
/// are registered first, so one of them drives the statement; types and statuses alone list.
/// </summary>
internal static class RelationFilters
{
    public static SqlFilter For(RelationQuery query)
    {
        var filter = new SqlFilter();
        if (query.FromId is { } from)
        {
            var id = filter.Value(from);
            filter.Add($"r.from_id = {id}", $"SELECT id FROM relations WHERE from_id = {id}");
        }
        if (query.ToId is { } to)
        {
            var id = filter.Value(to);
            filter.Add($"r.to_id = {id}", $"SELECT id FROM relations WHERE to_id = {id}");
        }
        if (query.ClaimedByActorId is { } actor)
        {
            var id = filter.Value(actor);
            filter.Add("EXISTS (SELECT 1 FROM claims c JOIN refs f ON f.node_id = c.statement_id " +
                       $"AND f.field IN ('speakerId', 'onBehalfOfId') WHERE c.relation_id = r.id AND c.disputes = 0 AND f.target_id = {id})",
                $"SELECT c.relation_id AS id FROM refs f CROSS JOIN claims c ON c.statement_id = f.node_id " +
                $"WHERE f.target_id = {id} AND f.field IN ('speakerId', 'onBehalfOfId') AND c.disputes = 0");
        }
        if (query.FromPerpetratorId is { } byActor) CarriedOut(filter, "from_id", byActor);
        if (query.ToPerpetratorId is { } againstActor) CarriedOut(filter, "to_id", againstActor);
        if (query.FromDate is not null || query.ToDate is not null) FromEventDate(filter, query.FromDate, query.ToDate);
        if (query.Types is { } types) filter.Add($"r.type IN {filter.List(types.Select(EnumNames.Of))}");
        if (query.Statuses is { } statuses) filter.Add($"r.status IN {filter.List(statuses.Select(EnumNames.Of))}");
        return filter;
    }

    /// <summary>The event at <paramref name="end"/> was carried out by the actor.</summary>
    private static void CarriedOut(SqlFilter filter, string end, string actorId)
    {
        var actor = filter.Value(actorId);
        filter.Add($"EXISTS (SELECT 1 FROM relations p WHERE p.to_id = r.{end} AND p.type = 'CARRIED_OUT' AND p.from_id = {actor})",
            $"SELECT x.id FROM relations p CROSS JOIN relations x ON x.{end} = p.to_id WHERE p.from_id = {actor} AND p.type = 'CARRIED_OUT'");
    }

    /// <summary>The from-node is an event whose date overlaps the window; its candidates walk the events' date index.</summary>
    private static void FromEventDate(SqlFilter filter, DateOnly? fromDate, DateOnly? toDate)
    {
        var conditions = new List<string>();
        var window = new List<string> { "e.kind = 'EVENT'", "e.date_start IS NOT NULL" };
        if (fromDate is { } from)
        {
            var day = filter.Value(Iso(from));
            conditions.Add($"(SELECT e.date_end FROM nodes e WHERE e.id = r.from_id) >= {day}");
            window.Add($"e.date_start >= {DateWindow.Earliest(day, "'span:EVENT'")} AND e.date_end >= {day}");
        }
        if (toDate is { } to)
        {
            var day = filter.Value(Iso(to));
            conditions.Add($"(SELECT e.date_start FROM nodes e WHERE e.id = r.from_id) <= {day}");
            window.Add($"e.date_start <= {day}");
        }
        filter.Add(string.Join(" AND ", conditions),
            $"SELECT x.id FROM nodes e CROSS JOIN relations x ON x.from_id = e.id WHERE {string.Join(" AND ", window)}");
    }

    private static string Iso(DateOnly date) => InputText.FormatDate(date);
}
