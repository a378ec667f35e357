using System.Text;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>
/// The statements of an event export: each selected event with its roll-up row and, as two short lists
/// of words, the relations it starts (type, far id, status: one index range, of which the places, targets
/// and the events it is part of are kept here, cheaper than a range per type) and those that end at it
/// (who carried it out: near id, status). The words are joined with spaces, which no id (letters, digits
/// and <c>:._-</c>, the import's field checks), relation type or status holds: SQLite's <c>group_concat</c>
/// of plain text costs it less than building JSON arrays, and reading them needs no JSON parse. The far nodes' kinds and labels
/// are read once per export (<see cref="LinkedNodes"/>), and the lists sorted by id here, so each
/// event costs two index ranges, no join and no sort. Read in date order from an index, so rows stream
/// out as they are read: dated events along (kind, date_start, id), then undated ones by id.
/// </summary>
internal static class EventExport
{
    private const string Columns =
        "n.body, r.disputed, r.counted, r.with_best, r.open_ended, r.killed_low, r.killed_best, r.killed_high, " +
        "(SELECT group_concat(o.type || ' ' || o.to_id || ' ' || o.status, ' ') FROM relations o WHERE o.from_id = n.id), " +
        "(SELECT group_concat(o.from_id || ' ' || o.status, ' ') FROM relations o WHERE o.to_id = n.id AND o.type = 'CARRIED_OUT')";

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

    /// <summary>
    /// A statement of <see cref="Statements"/> with the filter's values bound, read through SQLite's own API
    /// (<see cref="RowStatement"/>): a data reader makes two calls into SQLite for each integer (is it NULL,
    /// then its value), each taking the statement's handle and the connection's mutex, and copies each text
    /// into a new array; here an integer is one call and a text is read where SQLite holds it.
    /// </summary>
    public static RowStatement Prepare(SqliteConnection connection, string statement, SqlFilter filter)
    {
        using var values = new SqliteCommand();
        filter.Bind(values);
        return RowStatement.Bound(connection, statement, values.Parameters);
    }

    /// <summary>The record of the current row of a <see cref="Prepare"/>d statement; the nodes it links to come from <paramref name="linked"/>.</summary>
    public static EventRecord Read(RowStatement.StatementRows row, LinkedNodes linked, Links scratch)
    {
        var tally = new CasualtyTally(row.GetInt64(2), row.GetInt64(3), row.GetInt64(4), row.GetInt64(5), row.GetInt64(6), row.GetInt64(7));
        var (places, targets, perpetrators, partOf) = scratch.Cleared();
        // group_concat of no relations is NULL, read as no bytes. The bytes stay SQLite's until this statement steps on: the linked
        // nodes' look-ups run a statement of their own on the connection, which leaves them be.
        var outgoing = row.GetUtf8(8);
        while (!outgoing.IsEmpty)
        {
            var type = Word(ref outgoing);
            var far = Word(ref outgoing);
            var status = Word(ref outgoing);
            if (type.SequenceEqual("OCCURRED_IN"u8))
            {
                if (linked.Place(far, Statuses.Read(status)) is { } place) places.Add(place);
            }
            else if (type.SequenceEqual("TARGETED"u8)) targets.Add(linked.Node(far, Statuses.Read(status)));
            else if (type.SequenceEqual("PART_OF"u8)) partOf.Add(Encoding.UTF8.GetString(far));
        }
        var incoming = row.GetUtf8(9);
        while (!incoming.IsEmpty)
        {
            var near = Word(ref incoming);
            perpetrators.Add(linked.Node(near, Statuses.Read(Word(ref incoming))));
        }
        return new EventRecord(NodeJson.ParseEvent(row.GetUtf8(0)), Sorted(places, (a, b) => CodePointOrder.Compare(a.Place.Id, b.Place.Id)),
            Sorted(perpetrators, ById), Sorted(targets, ById), Sorted(partOf, CodePointOrder.Compare), tally.ToEstimate(), row.GetInt64(1) != 0);
    }

    private static readonly Comparison<LinkedNode> ById = (a, b) => CodePointOrder.Compare(a.Id, b.Id);

    /// <summary>The items ordered by <paramref name="order"/>, in an array of their own (most lists hold none or one).</summary>
    private static T[] Sorted<T>(List<T> items, Comparison<T> order)
    {
        if (items.Count == 0) return [];
        var sorted = items.ToArray();
        if (sorted.Length > 1) Array.Sort(sorted, order);
        return sorted;
    }

    /// <summary>Lists an export's rows gather their links in, reused from row to row: each row keeps only arrays of the right length.</summary>
    public sealed class Links
    {
        private readonly List<LinkedPlace> places = [];
        private readonly List<LinkedNode> targets = [], perpetrators = [];
        private readonly List<string> partOf = [];

        public (List<LinkedPlace> Places, List<LinkedNode> Targets, List<LinkedNode> Perpetrators, List<string> PartOf) Cleared()
        {
            places.Clear();
            targets.Clear();
            perpetrators.Clear();
            partOf.Clear();
            return (places, targets, perpetrators, partOf);
        }
    }

    /// <summary>The next space-separated word of <paramref name="words"/>, which is left holding the rest.</summary>
    private static ReadOnlySpan<byte> Word(ref ReadOnlySpan<byte> words)
    {
        var end = words.IndexOf((byte)' ');
        if (end < 0) end = words.Length;
        var word = words[..end];
        if (word.IsEmpty) throw new InvalidDataException($"an exported event's relations read '{Encoding.UTF8.GetString(words)}', with an empty word");
        words = end == words.Length ? default : words[(end + 1)..];
        return word;
    }

    /// <summary>Claim statuses read from UTF-8 without a string each, spelled by <see cref="EnumNames"/>.</summary>
    private static class Statuses
    {
        private static readonly (byte[] Name, ClaimStatus Status)[] Spelled =
            Enum.GetValues<ClaimStatus>().Select(s => (Encoding.UTF8.GetBytes(EnumNames.Of(s)), s)).ToArray();

        public static ClaimStatus Read(ReadOnlySpan<byte> word)
        {
            foreach (var (name, status) in Spelled)
                if (word.SequenceEqual(name)) return status;
            return EnumNames.Parse<ClaimStatus>(Encoding.UTF8.GetString(word));
        }
    }
}
