using System.Runtime.CompilerServices;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using ConflictGraph.Neo4j.Cypher;
using ConflictGraph.Neo4j.Layout;
using ConflictGraph.Neo4j.Wire;

namespace ConflictGraph.Neo4j;

public sealed partial class Neo4jGraphStore
{
    /// <summary>
    /// The selected events a page of <see cref="ExportPage"/> at a time (<see cref="EventExportQuery"/>), each
    /// page read as the caller consumes the one before, so memory holds one page. Pages are separate reads: a
    /// write between two pages shows in the later ones, as paging the events list would. With words, each page's statement
    /// asks the full-text index for the matches itself (no request of its own before the first page).
    /// </summary>
    public async IAsyncEnumerable<EventRecord> ExportEventsAsync(EventSelection selection, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Places are few next to events: each is parsed once per export.
        var places = new Dictionary<string, Place>(StringComparer.Ordinal);
        string? after = null;
        while (true)
        {
            var (text, parameters) = EventExportQuery.Page(selection, after, ExportPage);
            var page = (await ReadAsync(text, parameters, cancellationToken)).Records.ToList();
            foreach (var row in page) yield return Record(row, places);
            if (page.Count < ExportPage) yield break;
            after = EventExportQuery.After(page[^1].NullableString("sortKey"), page[^1].String("id"));
        }
    }

    private static EventRecord Record(QueryRow row, Dictionary<string, Place> places)
    {
        if (row[Properties.EventTally[0]] is null) throw Untallied(1);
        long M(int i) => row.Long(Properties.EventTally[i]);
        var killed = new CasualtyTally(M(0), M(1), M(2), M(3), M(4), M(5)).ToEstimate();
        var located = Rows.Maps(row["places"]).Select(link =>
        {
            var id = (string)link["id"]!;
            if (!places.TryGetValue(id, out var place)) places[id] = place = (Place)NodeJson.Parse(EnumNames.Of(NodeKind.Place), (string)link["body"]!);
            return new LinkedPlace(place, Status(link));
        }).ToList();
        var partOf = row["partOf"] is IEnumerable<object?> ids ? ids.OfType<string>().ToList() : [];
        return new EventRecord((Event)NodeJson.Parse(EnumNames.Of(NodeKind.Event), row.String("body")), located,
            Links(row["perpetrators"]), Links(row["targets"]), partOf, killed, row.Bool("disputed"));
    }

    private static List<LinkedNode> Links(object? list) => Rows.Maps(list)
        .Select(l => new LinkedNode((string)l["id"]!, Labels.KindOf((string)l["kind"]!), (string)l["label"]!, Status(l))).ToList();

    private static ClaimStatus Status(IReadOnlyDictionary<string, object?> link) => EnumNames.Parse<ClaimStatus>((string)link["status"]!);
}
