using System.Text;
using ConflictGraph.Core.Model;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>How walks over relations are written, so each step is one index probe whatever the planner's statistics say.</summary>
internal static class Traversal
{
    /// <summary>
    /// Relations (alias <paramref name="r"/>, to be written <c>relations {r} INDEXED BY relations_to</c>
    /// when types are given, see <see cref="IncomingTable"/>) arriving at <paramref name="node"/>, of the
    /// types in the list expression <paramref name="types"/> (all when null).
    /// </summary>
    public static string Incoming(string r, string node, string? types = null) =>
        types is null ? $"{r}.to_id = {node}" : $"{r}.to_id = {node} AND {r}.type IN {types}";

    /// <summary>
    /// The relations table for <see cref="Incoming"/> with types: without statistics SQLite would
    /// rather walk every relation of the type through the covering (type, from, to) index than probe
    /// relations_to by (node, type), so the index is named; a place's LOCATED_IN children are then
    /// read without its thousands of OCCURRED_IN events.
    /// </summary>
    public static string IncomingTable(string r) => $"relations {r} INDEXED BY relations_to";

    /// <summary>Relations leaving <paramref name="node"/>: relations_from, or the (type, from, to) index, both probe by the node.</summary>
    public static string Outgoing(string r, string node, string? types = null) =>
        types is null ? $"{r}.from_id = {node}" : $"{r}.from_id = {node} AND {r}.type IN {types}";

    /// <summary>Every relation type as an SQL list: naming them all lets a probe by one end use the relations' unique (type, from_id, to_id) index.</summary>
    public static readonly string AllTypes = TypeList(Enum.GetValues<RelationType>());

    /// <summary>Relation types as an SQL list of their names (constants, so written in; an empty list matches nothing).</summary>
    public static string TypeList(IEnumerable<RelationType> types) => $"({string.Join(", ", types.Select(t => $"'{EnumNames.Of(t)}'"))})";

    /// <summary>
    /// The relations table through its unique (type, from_id, to_id) index (alias <paramref name="r"/>):
    /// probed with <see cref="AllTypes"/> and a from end, it yields whole relation keys without reading
    /// a row, one seek a type. Without the name SQLite takes relations_from and reads every row for its to_id.
    /// </summary>
    public static string KeyTable(string r) => $"relations {r} INDEXED BY sqlite_autoindex_relations_2";

    /// <summary>
    /// The relations a statement selecting <c>RelationReads.Keys</c> (type, from_id, to_id) finds, without claims, read
    /// through SQLite's own API; null when there are more than <paramref name="most"/>, the statement stopped one row
    /// past them. A search's read is of the relations at ids it asks about, so one end of every row is one of
    /// <paramref name="asked"/>: that end is the asked id's own string, and only the far end is a new one, where each
    /// row made two strings and its type's name before (a side's first level: some 400 rows at one id).
    /// </summary>
    public static IReadOnlyList<Relation>? ReadKeys(SqliteCommand command, IReadOnlyCollection<string> asked, int most, CancellationToken cancellationToken)
    {
        var known = new Dictionary<string, string>(asked.Count, StringComparer.Ordinal);
        foreach (var id in asked) known.TryAdd(id, id);
        Span<char> buffer = stackalloc char[256];
        var relations = new List<Relation>();
        using var rows = command.Rows(cancellationToken);
        while (rows.Read())
        {
            if (relations.Count == most) return null;
            relations.Add(new Relation(TypeOf(rows.GetUtf8(0)), Id(rows.GetUtf8(1), known, buffer), Id(rows.GetUtf8(2), known, buffer), []));
        }
        return relations;
    }

    /// <summary>The id <paramref name="utf8"/> spells: the string <paramref name="known"/> holds for it, else a new one.</summary>
    private static string Id(ReadOnlySpan<byte> utf8, Dictionary<string, string> known, Span<char> buffer)
    {
        // An id is at most 200 characters (FieldChecks.MaxIdLength), and none has fewer bytes in UTF-8 than characters.
        if (utf8.Length > buffer.Length) return Encoding.UTF8.GetString(utf8);
        var chars = buffer[..Encoding.UTF8.GetChars(utf8, buffer)];
        return known.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(chars, out var id) ? id : new string(chars);
    }

    /// <summary>Every relation type's name in UTF-8, by type, so a key's type is found without making a string.</summary>
    private static readonly (byte[] Name, RelationType Type)[] TypeNames =
        [.. Enum.GetValues<RelationType>().Select(t => (Encoding.UTF8.GetBytes(EnumNames.Of(t)), t))];

    private static RelationType TypeOf(ReadOnlySpan<byte> name)
    {
        foreach (var (bytes, type) in TypeNames)
            if (name.SequenceEqual(bytes)) return type;
        // Not a type this build knows: the same error the parse of its string gives.
        return EnumNames.Parse<RelationType>(Encoding.UTF8.GetString(name));
    }
}
