using ConflictGraph.Core.Model;

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
}
