using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>Turns a <see cref="NodeQuery"/> into conditions on the nodes table (alias n).</summary>
internal static class NodeFilters
{
    public static SqlFilter For(NodeQuery query)
    {
        var filter = new SqlFilter();
        filter.Add($"n.kind IN {filter.List(query.Kinds.Select(EnumNames.Of))}");
        if (query.Ids is { } ids) filter.Add($"n.id IN {filter.List(ids)}");
        filter.Text(query.Text);
        if (query.OrganizationKinds is { } orgKinds)
            filter.Add($"n.kind = 'ORGANIZATION' AND n.sub_kind IN {filter.List(orgKinds.Select(EnumNames.Of))}");
        if (query.PlaceKinds is { } placeKinds)
            filter.Add($"n.kind = 'PLACE' AND n.sub_kind IN {filter.List(placeKinds.Select(EnumNames.Of))}");
        if (query.WithinPlaceId is { } within) Within(filter, within);
        if (query.Events is { } events) Events(filter, events);
        if (query.Statements is { } statements) Statements(filter, statements);
        return filter;
    }

    // Places strictly inside; events that happened there; actors based there.
    private static void Within(SqlFilter filter, string placeId)
    {
        var inside = filter.PlaceAndInside(placeId);
        filter.Add($"((n.kind = 'PLACE' AND n.id IN (SELECT id FROM {inside} WHERE depth > 0))" +
                   $" OR (n.kind = 'EVENT' AND {Related("OCCURRED_IN", inside)})" +
                   $" OR (n.kind IN ('PERSON', 'ORGANIZATION') AND {Related("BASED_IN", inside)}))");
    }

    private static string Related(string type, string inside) =>
        $"EXISTS (SELECT 1 FROM relations o WHERE o.from_id = n.id AND o.type = '{type}' AND o.to_id IN (SELECT id FROM {inside}))";

    private static void Events(SqlFilter filter, EventCriteria events)
    {
        if (events.Kinds is { } kinds) filter.Add($"n.sub_kind IN {filter.List(kinds.Select(EnumNames.Of))}");
        if (events.From is { } from) filter.Add($"n.date_end >= {filter.Value(Iso(from))}");
        if (events.To is { } to) filter.Add($"n.date_start <= {filter.Value(Iso(to))}");
        if (events.PlaceId is { } place) filter.Add(Related("OCCURRED_IN", filter.PlaceAndInside(place)));
        if (events.PerpetratorId is { } perpetrator)
            filter.Add($"EXISTS (SELECT 1 FROM relations c WHERE c.to_id = n.id AND c.type = 'CARRIED_OUT' AND c.from_id = {filter.Value(perpetrator)})");
        if (events.TargetId is { } target)
            filter.Add($"EXISTS (SELECT 1 FROM relations t WHERE t.from_id = n.id AND t.type = 'TARGETED' AND t.to_id = {filter.Value(target)})");
    }

    private static void Statements(SqlFilter filter, StatementCriteria statements)
    {
        if (statements.Anonymous is { } anonymous)
            filter.Add($"{(anonymous ? "NOT " : "")}EXISTS (SELECT 1 FROM refs f WHERE f.node_id = n.id AND f.field = 'speakerId')");
        if (statements.SpeakerId is { } speaker) filter.Add(Refers(filter, "'speakerId'", speaker));
        if (statements.ActorId is { } actor) filter.Add(Refers(filter, "'speakerId', 'onBehalfOfId'", actor));
        if (statements.AboutId is { } about) filter.Add(Refers(filter, "'aboutIds'", about));
        if (statements.SourceId is { } source) filter.Add(Refers(filter, "'sourceId'", source));
        if (statements.Stances is { } stances) filter.Add($"n.sub_kind IN {filter.List(stances.Select(EnumNames.Of))}");
        if (statements.OrganizationId is { } organization)
        {
            // Spoken for the organization, or by someone who belongs to it (MEMBER_OF or a role there).
            var org = filter.Value(organization);
            filter.Add($"(EXISTS (SELECT 1 FROM refs f WHERE f.node_id = n.id AND f.field = 'onBehalfOfId' AND f.target_id = {org})" +
                       " OR EXISTS (SELECT 1 FROM refs f WHERE f.node_id = n.id AND f.field = 'speakerId' AND (" +
                       $"f.target_id IN (SELECT from_id FROM relations WHERE type = 'MEMBER_OF' AND to_id = {org})" +
                       $" OR f.target_id IN (SELECT node_id FROM refs WHERE field = 'organizationId' AND target_id = {org}))))");
        }
    }

    private static string Refers(SqlFilter filter, string fields, string target) =>
        $"EXISTS (SELECT 1 FROM refs f WHERE f.node_id = n.id AND f.field IN ({fields}) AND f.target_id = {filter.Value(target)})";

    private static string Iso(DateOnly date) => InputText.FormatDate(date);
}
