using System.Text.Json;
using ConflictGraph.Core.Import;

namespace ConflictGraph.Api.Tests.Analysis;

/// <summary>
/// The seeded service plus a country of events that span month ends (Ostland, with Westland next door), for the window
/// edges of the kept cells: a window from 2024-02-20 to 2024-04-20 has March whole and part months either side, and the
/// events sit on every side of its edges: ending on the first day, starting on the last, crossing from an edge into March,
/// from March into an edge, across both edges, and one day out either side. Two are placed in both countries, one in
/// March and one in an edge. A fixture of its own: added to <see cref="AnalysisApp"/>'s Ruritania these events would change
/// the expected lines of the aggregate and export tests that read it.
/// </summary>
public sealed class SpanningEventsApp() : ImportedGraphApp(new Dictionary<string, string?>())
{
    public const string Ostland = "place:ostland";

    private const string Json = """
        {
          "places": [
            { "id": "place:ostland", "name": "Ostland", "kind": "COUNTRY" },
            { "id": "place:ostland-east", "name": "Eastern March", "kind": "REGION" },
            { "id": "place:ostland-west", "name": "Western March", "kind": "REGION" },
            { "id": "place:ostburg", "name": "Ostburg", "kind": "CITY" },
            { "id": "place:westland", "name": "Westland", "kind": "COUNTRY" },
            { "id": "place:westburg", "name": "Westburg", "kind": "CITY" } ],
          "events": [
            { "id": "event:span-before", "title": "Siege ending the day before the window", "kind": "GROUND_ATTACK", "date": { "start": "2024-02-10", "end": "2024-02-19", "precision": "DAY", "extent": "PERIOD" } },
            { "id": "event:span-touch-from", "title": "Siege ending on the window's first day", "kind": "GROUND_ATTACK", "date": { "start": "2024-02-18", "end": "2024-02-20", "precision": "DAY", "extent": "PERIOD" } },
            { "id": "event:span-feb-mar", "title": "Siege from the first edge into March", "kind": "GROUND_ATTACK", "date": { "start": "2024-02-25", "end": "2024-03-05", "precision": "DAY", "extent": "PERIOD" } },
            { "id": "event:span-edges", "title": "Blockade from one edge to the other", "kind": "GROUND_ATTACK", "date": { "start": "2024-02-27", "end": "2024-04-15", "precision": "DAY", "extent": "PERIOD" } },
            { "id": "event:span-long", "title": "Occupation across both edges", "kind": "GROUND_ATTACK", "date": { "start": "2024-01-20", "end": "2024-05-10", "precision": "DAY", "extent": "PERIOD" } },
            { "id": "event:span-inside", "title": "Strike in the middle of March", "kind": "AIRSTRIKE", "date": { "start": "2024-03-15", "precision": "DAY" } },
            { "id": "event:span-mar-apr", "title": "Shelling from March into the last edge", "kind": "ARTILLERY_FIRE", "date": { "start": "2024-03-28", "end": "2024-04-03", "precision": "DAY", "extent": "PERIOD" } },
            { "id": "event:span-border", "title": "Shelling across the border at the month's end", "kind": "ARTILLERY_FIRE", "date": { "start": "2024-03-30", "end": "2024-04-01", "precision": "DAY", "extent": "PERIOD" } },
            { "id": "event:span-touch-to", "title": "Raids from the window's last day, both sides of the border", "kind": "GROUND_ATTACK", "date": { "start": "2024-04-20", "end": "2024-05-02", "precision": "DAY", "extent": "PERIOD" } },
            { "id": "event:span-after", "title": "Raids from the day after the window", "kind": "GROUND_ATTACK", "date": { "start": "2024-04-21", "end": "2024-04-30", "precision": "DAY", "extent": "PERIOD" } },
            { "id": "event:span-undated", "title": "A protest nobody dated", "kind": "PROTEST" } ],
          "relations": [
            { "type": "LOCATED_IN", "fromId": "place:ostland-east", "toId": "place:ostland" },
            { "type": "LOCATED_IN", "fromId": "place:ostland-west", "toId": "place:ostland" },
            { "type": "LOCATED_IN", "fromId": "place:ostburg", "toId": "place:ostland-east" },
            { "type": "LOCATED_IN", "fromId": "place:westburg", "toId": "place:westland" },
            { "type": "OCCURRED_IN", "fromId": "event:span-before", "toId": "place:ostburg" },
            { "type": "OCCURRED_IN", "fromId": "event:span-touch-from", "toId": "place:ostburg" },
            { "type": "OCCURRED_IN", "fromId": "event:span-feb-mar", "toId": "place:ostburg" },
            { "type": "OCCURRED_IN", "fromId": "event:span-edges", "toId": "place:ostland-east" },
            { "type": "OCCURRED_IN", "fromId": "event:span-long", "toId": "place:ostburg" },
            { "type": "OCCURRED_IN", "fromId": "event:span-inside", "toId": "place:ostburg" },
            { "type": "OCCURRED_IN", "fromId": "event:span-mar-apr", "toId": "place:ostland-west" },
            { "type": "OCCURRED_IN", "fromId": "event:span-border", "toId": "place:ostburg" },
            { "type": "OCCURRED_IN", "fromId": "event:span-border", "toId": "place:westburg" },
            { "type": "OCCURRED_IN", "fromId": "event:span-touch-to", "toId": "place:ostburg" },
            { "type": "OCCURRED_IN", "fromId": "event:span-touch-to", "toId": "place:westburg" },
            { "type": "OCCURRED_IN", "fromId": "event:span-after", "toId": "place:ostland-west" },
            { "type": "OCCURRED_IN", "fromId": "event:span-undated", "toId": "place:ostland" } ]
        }
        """;

    /// <summary>The graph in the seed files' format.</summary>
    protected override GraphInput Graph() => JsonSerializer.Deserialize<GraphInput>(Json, GraphJson.Read)!;
}
