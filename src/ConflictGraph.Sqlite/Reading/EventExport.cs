using System.Text.Json;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>
/// The statements of an event export: each selected event with its roll-up row and, as two small JSON
/// arrays, the relations it starts (type, far id, status: one index range, of which the places, targets
/// and the events it is part of are kept here, cheaper than a range per type) and those that end at it
/// (who carried it out: near id, status). The far nodes' kinds and labels
/// are read once per export (<see cref="LinkedNodes"/>), and the lists sorted by id here, so each
/// event costs two index ranges, no join and no sort. Read in date order from an index, so rows stream
/// out as they are read: dated events along (kind, date_start, id), then undated ones by id.
/// </summary>
internal static class EventExport
{
    private const string Columns =
        "n.body, r.disputed, r.counted, r.with_best, r.open_ended, r.killed_low, r.killed_best, r.killed_high, " +
        "(SELECT json_group_array(json_array(o.type, o.to_id, o.status)) FROM relations o WHERE o.from_id = n.id), " +
        "(SELECT json_group_array(json_array(o.from_id, o.status)) FROM relations o WHERE o.to_id = n.id AND o.type = 'CARRIED_OUT')";

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

    /// <summary>The record of the reader's current row; the nodes it links to come from <paramref name="linked"/>.</summary>
    public static EventRecord Read(SqliteDataReader reader, LinkedNodes linked)
    {
        var tally = new CasualtyTally(reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7));
        List<LinkedPlace>? places = null;
        List<LinkedNode>? targets = null, perpetrators = null;
        List<string>? partOf = null;
        Span<byte> id = stackalloc byte[IdBytes];
        scoped var outgoing = new Utf8JsonReader(reader.GetFieldValue<byte[]>(8));
        outgoing.Read();
        while (outgoing.Read() && outgoing.TokenType == JsonTokenType.StartArray)
        {
            outgoing.Read();
            var type = outgoing.ValueTextEquals("OCCURRED_IN"u8) ? 0 : outgoing.ValueTextEquals("TARGETED"u8) ? 1 : outgoing.ValueTextEquals("PART_OF"u8) ? 2 : 3;
            outgoing.Read();
            if (type == 2) (partOf ??= []).Add(outgoing.GetString()!);
            var far = type is 0 or 1 ? Utf8(ref outgoing, id) : default;
            outgoing.Read();
            var status = type == 3 ? default : Statuses.Read(ref outgoing);
            outgoing.Read();
            if (type == 1) (targets ??= []).Add(linked.Node(far, status));
            else if (type == 0 && linked.Place(far, status) is { } place) (places ??= []).Add(place);
        }
        scoped var incoming = new Utf8JsonReader(reader.GetFieldValue<byte[]>(9));
        incoming.Read();
        while (incoming.Read() && incoming.TokenType == JsonTokenType.StartArray)
        {
            incoming.Read();
            var near = Utf8(ref incoming, id);
            incoming.Read();
            (perpetrators ??= []).Add(linked.Node(near, Statuses.Read(ref incoming)));
            incoming.Read();
        }
        places?.Sort((a, b) => CodePointOrder.Compare(a.Place.Id, b.Place.Id));
        perpetrators?.Sort((a, b) => CodePointOrder.Compare(a.Id, b.Id));
        targets?.Sort((a, b) => CodePointOrder.Compare(a.Id, b.Id));
        partOf?.Sort(CodePointOrder.Compare);
        return new EventRecord(NodeJson.ParseEvent(reader.GetFieldValue<byte[]>(0)), places ?? [], perpetrators ?? [], targets ?? [],
            partOf ?? [], tally.ToEstimate(), reader.GetInt64(1) != 0);
    }

    /// <summary>Room on the stack for an escaped id's unescaped UTF-8 (<see cref="FieldChecks.MaxIdLength"/> characters); a longer one gets an array.</summary>
    private const int IdBytes = 1024;

    /// <summary>
    /// The current string token's UTF-8: as SQLite wrote it when it holds no escape (ids rarely do), else
    /// unescaped into <paramref name="room"/> (or an array when it may not fit).
    /// </summary>
    private static ReadOnlySpan<byte> Utf8(ref Utf8JsonReader reader, Span<byte> room)
    {
        if (!reader.ValueIsEscaped) return reader.ValueSpan;
        if (reader.ValueSpan.Length > room.Length) return System.Text.Encoding.UTF8.GetBytes(reader.GetString()!);
        return room[..reader.CopyString(room)];
    }

    /// <summary>Claim statuses read from UTF-8 without a string each, spelled by <see cref="EnumNames"/>.</summary>
    private static class Statuses
    {
        private static readonly (byte[] Name, ClaimStatus Status)[] Spelled =
            Enum.GetValues<ClaimStatus>().Select(s => (System.Text.Encoding.UTF8.GetBytes(EnumNames.Of(s)), s)).ToArray();

        public static ClaimStatus Read(ref Utf8JsonReader reader)
        {
            foreach (var (name, status) in Spelled)
                if (reader.ValueTextEquals(name)) return status;
            return EnumNames.Parse<ClaimStatus>(reader.GetString()!);
        }
    }
}
