using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite.Writing;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>
/// How a query with no selective criterion is read: one index walk per kind (per sub-kind when a
/// sub-kind filter applies, and for date orders dated and undated rows apart), each stopping at
/// the page size, merged in order. A page then costs its size times the walks, however many rows
/// the kinds hold; a date window bounds each walk at both ends.
/// </summary>
internal sealed class NodeListing
{
    private NodeListing(IReadOnlyList<Part> parts, bool counted)
    {
        Parts = parts;
        CountedByCounters = counted;
    }

    /// <summary>One index walk: a kind, maybe one sub-kind, and for date orders dated (true) or undated (false) rows.</summary>
    public sealed record Part(string Kind, string? SubKind, bool? Dated)
    {
        public string CounterKey => SubKind is null ? $"node:{Kind}" : $"node:{Kind}:{SubKind}";
    }

    public IReadOnlyList<Part> Parts { get; }

    /// <summary>True when the parts are exactly the matches, so the kept counts answer the total.</summary>
    public bool CountedByCounters { get; }

    public static NodeListing For(NodeQuery query, KeysetPage keyset)
    {
        var window = query.Events is { From: not null } or { To: not null };
        var parts = new List<Part>();
        // Counts are kept per kind and sub-kind: any other condition on the rows needs a count of its own.
        var exact = !window && query.Statements?.Anonymous is null;
        foreach (var kind in query.Kinds.Distinct())
        {
            var lists = SubKindLists(query, kind);
            if (lists is null) continue;
            exact &= lists.Count <= 1;
            var subKinds = lists.Count == 0 ? [null] : lists[0].Distinct().Select(s => (string?)s).ToList();
            foreach (var subKind in subKinds)
            {
                // A date window never matches undated rows, and walks the date index whatever the order.
                if (window) parts.Add(new Part(EnumNames.Of(kind), subKind, true));
                // A kind that is never dated walks (kind, sub-kind, NULL date, id) in id order.
                else if (!NodeRow.CanBeDated(kind)) parts.Add(new Part(EnumNames.Of(kind), subKind, false));
                else if (!keyset.ByDate) parts.Add(new Part(EnumNames.Of(kind), subKind, null));
                else
                {
                    parts.Add(new Part(EnumNames.Of(kind), subKind, true));
                    parts.Add(new Part(EnumNames.Of(kind), subKind, false));
                }
            }
        }
        return new NodeListing(parts, exact);
    }

    /// <summary>The sub-kind lists that apply to <paramref name="kind"/> (empty: none), or null when the query excludes it.</summary>
    private static List<IEnumerable<string>>? SubKindLists(NodeQuery query, NodeKind kind)
    {
        var lists = new List<IEnumerable<string>>();
        if (query.OrganizationKinds is { } orgKinds)
        {
            if (kind != NodeKind.Organization) return null;
            lists.Add(orgKinds.Select(EnumNames.Of));
        }
        if (query.PlaceKinds is { } placeKinds)
        {
            if (kind != NodeKind.Place) return null;
            lists.Add(placeKinds.Select(EnumNames.Of));
        }
        if (query.Events?.Kinds is { } eventKinds) lists.Add(eventKinds.Select(EnumNames.Of));
        if (query.Statements?.Stances is { } stances) lists.Add(stances.Select(EnumNames.Of));
        return lists;
    }
}
