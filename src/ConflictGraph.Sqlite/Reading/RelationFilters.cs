using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>Turns a <see cref="RelationQuery"/> into conditions on the relations table (alias r).</summary>
internal static class RelationFilters
{
    public static SqlFilter For(RelationQuery query)
    {
        var filter = new SqlFilter();
        if (query.Types is { } types) filter.Add($"r.type IN {filter.List(types.Select(EnumNames.Of))}");
        if (query.FromId is { } from) filter.Add($"r.from_id = {filter.Value(from)}");
        if (query.ToId is { } to) filter.Add($"r.to_id = {filter.Value(to)}");
        if (query.Statuses is { } statuses) filter.Add($"r.status IN {filter.List(statuses.Select(EnumNames.Of))}");
        if (query.ClaimedByActorId is { } actor)
            filter.Add("EXISTS (SELECT 1 FROM claims c JOIN refs f ON f.node_id = c.statement_id " +
                       "AND f.field IN ('speakerId', 'onBehalfOfId') " +
                       $"WHERE c.relation_id = r.id AND c.disputes = 0 AND f.target_id = {filter.Value(actor)})");
        if (query.FromPerpetratorId is { } byActor) filter.Add(CarriedOut(filter, "r.from_id", byActor));
        if (query.ToPerpetratorId is { } againstActor) filter.Add(CarriedOut(filter, "r.to_id", againstActor));
        if (query.FromDate is { } fromDate)
            filter.Add($"(SELECT e.date_end FROM nodes e WHERE e.id = r.from_id) >= {filter.Value(Iso(fromDate))}");
        if (query.ToDate is { } toDate)
            filter.Add($"(SELECT e.date_start FROM nodes e WHERE e.id = r.from_id) <= {filter.Value(Iso(toDate))}");
        return filter;
    }

    private static string CarriedOut(SqlFilter filter, string eventColumn, string actorId) =>
        $"EXISTS (SELECT 1 FROM relations p WHERE p.to_id = {eventColumn} AND p.type = 'CARRIED_OUT' AND p.from_id = {filter.Value(actorId)})";

    private static string Iso(DateOnly date) => InputText.FormatDate(date);
}
