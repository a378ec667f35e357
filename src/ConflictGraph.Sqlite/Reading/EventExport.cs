using System.Text;
using System.Text.Json;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>
/// The statements of an event export: each selected event with its roll-up row and, as small JSON
/// arrays, its places, perpetrators and targets (id, kind, label, relation status, ordered by id)
/// and the events it is directly part of. Read in date order from an index, so rows stream out as
/// they are read: dated events along (kind, date_start, id), then undated ones by id.
/// </summary>
internal static class EventExport
{
    private static readonly string Columns =
        "n.body, r.disputed, r.counted, r.with_best, r.open_ended, r.killed_low, r.killed_best, r.killed_high, " +
        Links("OCCURRED_IN", "from_id", "to_id") + ", " + Links("CARRIED_OUT", "to_id", "from_id") + ", " + Links("TARGETED", "from_id", "to_id") + ", " +
        "CASE WHEN r.part_of = 1 THEN (SELECT json_group_array(w.to_id) FROM (SELECT to_id FROM relations WHERE from_id = n.id AND type = 'PART_OF' ORDER BY to_id) w) END";

    private static string Links(string type, string near, string far) =>
        $"(SELECT json_group_array(json_array(l.id, l.kind, l.label, l.status)) FROM (SELECT x.id, x.kind, x.label, o.status FROM relations o " +
        $"CROSS JOIN nodes x ON x.id = o.{far} WHERE o.{near} = n.id AND o.type = '{type}' ORDER BY x.id) l)";

    private const string Rollup = "CROSS JOIN event_rollup r ON r.dim = '' AND r.key = '' AND r.seq = n.seq";

    /// <summary>
    /// The statements, in the order to run them: a driven filter's candidates sorted (they are few next
    /// to the graph), or a walk of the events along the date index, dated then undated, each row checked
    /// against the filter; a date window bounds the walk at both ends (<see cref="DateWindow"/>).
    /// </summary>
    public static IReadOnlyList<string> Statements(SqlFilter filter, EventSelection selection)
    {
        if (filter.Driver is not null)
            return [$"{filter.With}SELECT {Columns} FROM {NodePages.Candidates(filter)} {Rollup} WHERE {filter.Remaining} ORDER BY n.date_start IS NULL, n.date_start, n.id"];
        var window = "";
        if (selection.Criteria?.From is { } from)
            window += $" AND n.date_start >= {DateWindow.Earliest(filter.Value(InputText.FormatDate(from)), filter.Value("span:EVENT"))}";
        if (selection.Criteria?.To is { } to) window += $" AND n.date_start <= {filter.Value(InputText.FormatDate(to))}";
        var undated = selection.Criteria is { From: not null } or { To: not null }
            ? [] : new[] { $"{filter.With}SELECT {Columns} FROM nodes n {Rollup} WHERE n.kind = 'EVENT' AND n.date_start IS NULL AND {filter.Where} ORDER BY n.id" };
        return [$"{filter.With}SELECT {Columns} FROM nodes n {Rollup} WHERE n.kind = 'EVENT' AND n.date_start IS NOT NULL{window} AND {filter.Where} ORDER BY n.date_start, n.id", .. undated];
    }

    /// <summary>The record of the reader's current row; places are parsed once per export through <paramref name="placeOf"/>.</summary>
    public static EventRecord Read(SqliteDataReader reader, Func<string, Place?> placeOf)
    {
        var tally = new CasualtyTally(reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7));
        var places = LinksOf(reader.GetString(8)).Select(l => placeOf(l.Id) is { } place ? new LinkedPlace(place, l.Status) : null).OfType<LinkedPlace>().ToList();
        var partOf = reader.IsDBNull(11) ? [] : JsonSerializer.Deserialize<List<string>>(reader.GetString(11))!;
        return new EventRecord((Event)NodeRow.Parse("EVENT", reader.GetString(0)), places, LinksOf(reader.GetString(9)), LinksOf(reader.GetString(10)),
            partOf, tally.ToEstimate(), reader.GetInt64(1) != 0);
    }

    /// <summary>
    /// The links of one row, read with a forward-only reader (no document is built: this runs three
    /// times per exported event); most events have none or a few, and "[]" is answered without parsing.
    /// </summary>
    private static List<LinkedNode> LinksOf(string json)
    {
        if (json == "[]") return [];
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        var links = new List<LinkedNode>();
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
        {
            var id = Next(ref reader);
            var kind = EnumNames.Parse<NodeKind>(Next(ref reader));
            var label = Next(ref reader);
            links.Add(new LinkedNode(id, kind, label, EnumNames.Parse<ClaimStatus>(Next(ref reader))));
            reader.Read();
        }
        return links;
    }

    private static string Next(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.GetString()!;
    }
}
