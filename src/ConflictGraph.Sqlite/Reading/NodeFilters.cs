using System.Collections.Concurrent;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite.Schema;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>
/// Turns a <see cref="NodeQuery"/> into conditions on the nodes table (alias n). Criteria that
/// name a few rows (who spoke, what about, which place, the words searched) are registered first,
/// most selective first, so one of them drives the statement; a query without any lists a kind.
/// </summary>
internal static class NodeFilters
{
    /// <param name="exactWords">The words' exact terms to check each candidate of another criterion against (<see cref="WordChecks"/>), or null.</param>
    public static SqlFilter For(NodeQuery query, string? exactWords = null)
    {
        var filter = new SqlFilter();
        if (query.Ids is { } ids)
        {
            var list = filter.ListParameter(ids);
            filter.Add($"n.id IN {Ids.In(list)}", $"SELECT value AS id FROM json_each({list})");
        }
        if (query.Statements is { } statements) Statements(filter, statements);
        if (query.Events is { } events) Events(filter, events);
        if (query.WithinPlaceId is { } within) Within(filter, within);
        filter.Text(query.Text, exactWords);
        filter.Kinds(query.Kinds.Select(EnumNames.Of).ToList());
        if (query.OrganizationKinds is { } orgKinds)
            filter.Add($"n.kind = 'ORGANIZATION' AND n.sub_kind IN {filter.List(orgKinds.Select(EnumNames.Of))}");
        if (query.PlaceKinds is { } placeKinds)
            filter.Add($"n.kind = 'PLACE' AND n.sub_kind IN {filter.List(placeKinds.Select(EnumNames.Of))}");
        return filter;
    }

    /// <summary>
    /// Only <paramref name="criteria"/>'s own conditions, over rows that are all events (alias n with their kind in
    /// sub_kind and their dates, such as the roll-up's rows), so no condition on the node's kind.
    /// </summary>
    public static SqlFilter ForEvents(EventCriteria criteria)
    {
        var filter = new SqlFilter();
        Events(filter, criteria);
        return filter;
    }

    /// <summary>
    /// <paramref name="criteria"/>'s conditions (kinds, a window; no place, perpetrator or target) on rows that are all events
    /// (alias n), with parameters of <paramref name="filter"/> but not among its conditions: the same rule over other bounds.
    /// </summary>
    public static string EventConditions(SqlFilter filter, EventCriteria criteria) => criteria is { PlaceId: null, PerpetratorId: null, TargetId: null }
        ? filter.Apart(f => Events(f, criteria))
        : throw new ArgumentException("only kinds and dates stand apart from a filter", nameof(criteria));

    // Places strictly inside; events that happened there; actors based there.
    private static void Within(SqlFilter filter, string placeId)
    {
        var inside = filter.PlaceAndInside(placeId);
        filter.Add($"((n.kind = 'PLACE' AND n.id IN (SELECT id FROM {inside} WHERE depth > 0))" +
                   $" OR (n.kind = 'EVENT' AND {Related("OCCURRED_IN", inside)})" +
                   $" OR (n.kind IN ('PERSON', 'ORGANIZATION') AND {Related("BASED_IN", inside)}))",
            $"SELECT id FROM {inside} WHERE depth > 0 UNION ALL " +
            $"SELECT o.from_id FROM {inside} i CROSS JOIN {Traversal.IncomingTable("o")} ON {Traversal.Incoming("o", "i.id", "('OCCURRED_IN', 'BASED_IN')")}",
            exact: false);
    }

    private static string Related(string type, string inside) =>
        $"EXISTS (SELECT 1 FROM relations o WHERE o.from_id = n.id AND o.type = '{type}' AND o.to_id IN (SELECT id FROM {inside}))";

    private static void Events(SqlFilter filter, EventCriteria events)
    {
        if (events.PerpetratorId is { } perpetrator)
        {
            var actor = filter.Value(perpetrator);
            filter.Add($"EXISTS (SELECT 1 FROM relations c WHERE c.to_id = n.id AND c.type = 'CARRIED_OUT' AND c.from_id = {actor})",
                $"SELECT to_id AS id FROM relations WHERE from_id = {actor} AND type = 'CARRIED_OUT'");
        }
        if (events.TargetId is { } target)
        {
            var aimed = filter.Value(target);
            filter.Add($"EXISTS (SELECT 1 FROM relations t WHERE t.from_id = n.id AND t.type = 'TARGETED' AND t.to_id = {aimed})",
                $"SELECT t.from_id AS id FROM {Traversal.IncomingTable("t")} WHERE {Traversal.Incoming("t", aimed, "('TARGETED')")}");
        }
        if (events.PlaceId is { } place) PlaceAndWindow(filter, place, events.From, events.To);
        if (events.Kinds is { } kinds) filter.Add($"n.sub_kind IN {filter.List(kinds.Select(EnumNames.Of))}");
        if (events.PlaceId is not null) return;
        if (events.From is { } from) filter.Add($"n.date_end >= {filter.Value(Iso(from))}");
        if (events.To is { } to) filter.Add($"n.date_start <= {filter.Value(Iso(to))}");
    }

    /// <summary>
    /// Events that happened in the place or inside it, overlapping the window when one is given: one criterion, whose
    /// candidates come from place_events (each event under every place containing it, once), one index range per span
    /// class under the place itself, each in date order: the candidates name each event once, in the page's order, with its
    /// seq (schema 17), by which a page reads the event's row. Over whole months, the candidates' number is kept
    /// (<see cref="PlaceMonthEvents"/>, which follows this rule); in a window with both bounds, the candidates are also kept
    /// with their events' bodies in the same order (<see cref="PlaceEventBodies"/>), which a page reads instead of the rows.
    /// </summary>
    private static void PlaceAndWindow(SqlFilter filter, string place, DateOnly? from, DateOnly? to)
    {
        var at = filter.Value(place);
        var condition = $"EXISTS (SELECT 1 FROM place_events w WHERE w.event_id = n.id AND w.place_id = {at})";
        var (start, end) = (from is null ? null : filter.Value(Iso(from.Value)), to is null ? null : filter.Value(Iso(to.Value)));
        if (start is not null) condition += $" AND n.date_end >= {start}";
        if (end is not null) condition += $" AND n.date_start <= {end}";
        string Range(int span) => Rows(span, "p.event_seq AS seq FROM place_events p");
        // The same range of the rows kept with each event's body (schema 22), when they hold every candidate: both bounds given.
        string Bodies(int span) => Rows(span, $"p.body FROM {PlaceEventBodies.Table} p");
        string Rows(int span, string from)
        {
            var range = $"SELECT p.event_id AS id, p.date_start, {from} WHERE p.place_id = {at} AND p.span = {span}";
            if (start is not null) range += $" AND p.date_start >= {DateWindow.Earliest(start, $"'eventspan:{span}'")} AND p.date_end >= {start}";
            return end is null ? range : $"{range} AND p.date_start <= {end}";
        }
        var kept = PlaceMonthEvents.Answers(from, to)
            ? new KeptCount(DatedKind, PlaceMonthEvents.Count(at, start!, end!, Range(PlaceMonthEvents.UnkeptSpan)))
            : null;
        var bodies = PlaceEventBodies.Answers(from, to) ? string.Join(" UNION ALL ", DateWindow.SpanClasses.Select(Bodies)) : null;
        filter.Add(condition, string.Join(" UNION ALL ", DateWindow.SpanClasses.Select(Range)), dated: true, kept: kept, bodies: bodies);
    }

    /// <summary>The kind of every place_events candidate (OCCURRED_IN runs from an event).</summary>
    private static readonly string DatedKind = EnumNames.Of(NodeKind.Event);

    private static void Statements(SqlFilter filter, StatementCriteria statements)
    {
        if (statements.AboutId is { } about) Refers(filter, about, AboutFields);
        if (statements.SpeakerId is { } speaker) Refers(filter, speaker, SpeakerFields);
        if (statements.ActorId is { } actor) Refers(filter, actor, ActorFields);
        if (statements.SourceId is { } source) Refers(filter, source, SourceFields);
        if (statements.OrganizationId is { } organization) Organization(filter, organization);
        if (statements.Stances is { } stances) filter.Add($"n.sub_kind IN {filter.List(stances.Select(EnumNames.Of))}");
        if (statements.Anonymous is { } anonymous)
            filter.Add($"{(anonymous ? "NOT " : "")}EXISTS (SELECT 1 FROM refs f WHERE f.node_id = n.id AND f.field = 'speakerId')");
    }

    private static readonly string[] AboutFields = ["aboutIds"], SpeakerFields = ["speakerId"], ActorFields = ["speakerId", "onBehalfOfId"],
        SourceFields = ["sourceId", "primarySourceId"];

    private static void Refers(SqlFilter filter, string target, string[] names)
    {
        var id = filter.Value(target);
        var refers = Kept(ReferTexts, (Id: id, Names: names), static key => Write(key.Id, key.Names));
        filter.Add(refers.Condition, refers.Candidates, refers.Ranges, refers.Kept);
    }

    /// <summary>
    /// The texts of a reference criterion: they differ only by the target's parameter name and the fields, so they are
    /// written once for each (a statements page names the node it is about at every request).
    /// </summary>
    /// <param name="Kept">The store's kept count of the criterion's statements: a speaker's alone (SpeakerStatements follows this rule).</param>
    private sealed record ReferText(string Condition, string Candidates, IReadOnlyList<RefRange> Ranges, KeptCount? Kept);

    private static readonly ConcurrentDictionary<(string Id, string[] Names), ReferText> ReferTexts = new();

    private static ReferText Write(string id, string[] names)
    {
        var fields = string.Join(", ", names.Select(f => $"'{f}'"));
        return new ReferText(
            $"EXISTS (SELECT 1 FROM refs f WHERE f.node_id = n.id AND f.field IN ({fields}) AND f.target_id = {id})",
            $"SELECT node_id AS id FROM refs WHERE target_id = {id} AND field IN ({fields})",
            names.Select(f => new RefRange($"= {id}", f)).ToList(),
            names is [SpeakerStatements.Field] ? new KeptCount(SpeakerStatements.Kind, SpeakerStatements.Count(id)) : null);
    }

    /// <summary>
    /// The texts kept under <paramref name="key"/>, written by <paramref name="write"/> at its first use. Keys are made of
    /// parameter names ($p0, $p1, ... as a filter registers them: a few per query), so the set stays small; past 256 texts
    /// are written each time rather than kept.
    /// </summary>
    private static ReferText Kept<TKey>(ConcurrentDictionary<TKey, ReferText> kept, TKey key, Func<TKey, ReferText> write) where TKey : notnull
    {
        if (kept.TryGetValue(key, out var known)) return known;
        var texts = write(key);
        if (kept.Count < 256) kept.TryAdd(key, texts);
        return texts;
    }

    // Spoken for the organization, by the organization itself, or by someone who belongs to it (MEMBER_OF or a role
    // there); the store keeps the number of such statements (OrganizationStatements) and the statements themselves
    // (OrganizationStatementRefs), which must follow this rule (Membership says it for them).
    private static void Organization(SqlFilter filter, string organization)
    {
        var org = filter.Value(organization);
        var texts = Kept(OrganizationTexts, org, WriteOrganization);
        filter.Add(texts.Condition, texts.Candidates, texts.Ranges, texts.Kept);
    }

    private static readonly ConcurrentDictionary<string, ReferText> OrganizationTexts = new(StringComparer.Ordinal);

    /// <summary>
    /// An organization's criterion, kept for each parameter name as a reference's is (<see cref="Kept"/>): an actors
    /// page asks it for each of its organizations, and the texts (about 1.6 KB) differ only by the name.
    /// </summary>
    private static ReferText WriteOrganization(string org)
    {
        // Its people, and the organization itself when it is one (an organization speaks for itself, as they do).
        var people = $"SELECT m.from_id AS id FROM {Traversal.IncomingTable("m")} WHERE {Traversal.Incoming("m", org, "('MEMBER_OF')")} " +
                     $"UNION SELECT node_id FROM refs WHERE target_id = {org} AND field = 'organizationId' " +
                     $"UNION SELECT id FROM nodes WHERE id = {org} AND kind = '{Membership.Organization}'";
        return new ReferText(
            $"(EXISTS (SELECT 1 FROM refs f WHERE f.node_id = n.id AND f.field = 'onBehalfOfId' AND f.target_id = {org})" +
            $" OR EXISTS (SELECT 1 FROM refs f WHERE f.node_id = n.id AND f.field = 'speakerId' AND f.target_id IN ({people})))",
            $"SELECT node_id AS id FROM refs WHERE target_id = {org} AND field = 'onBehalfOfId' " +
            $"UNION ALL SELECT f.node_id FROM ({people}) m CROSS JOIN refs f ON f.target_id = m.id AND f.field = 'speakerId'",
            // The same statements, kept under the organization (schema 21): its page is one walk of one range, no people listed.
            [new RefRange($"= {org}", OrganizationStatementRefs.Field)],
            new KeptCount(OrganizationStatements.Kind, OrganizationStatements.Count(org)));
    }

    private static string Iso(DateOnly date) => InputText.FormatDate(date);
}
