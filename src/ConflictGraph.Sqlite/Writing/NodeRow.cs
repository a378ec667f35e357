using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Writing;

/// <summary>
/// A node as the nodes table holds it: the filterable columns, the body (its JSON in UTF-8, as SQLite keeps it, so a
/// large write encodes each body once), its references, its search text and its names (the name index's text, null for
/// kinds without a name).
/// </summary>
internal sealed record NodeRow(
    string Id, string Kind, string Label, string? SubKind, string? DateStart, string? DateEnd, byte[] Body,
    IReadOnlyList<(string Field, string TargetId)> References, string SearchText, string? Names)
{
    public static NodeRow Of(Node node)
    {
        var (subKind, date) = node switch
        {
            Organization o => (EnumNames.Of(o.OrganizationKind), (FuzzyDate?)null),
            Place p => (EnumNames.Of(p.PlaceKind), null),
            Event e => (EnumNames.Of(e.EventKind), e.Date),
            Statement s => (EnumNames.Of(s.Stance), s.Date),
            Source { PublishedAt: { } published } => (null, FuzzyDate.Day(published)),
            _ => ((string?)null, (FuzzyDate?)null),
        };
        return new NodeRow(
            node.Id, EnumNames.Of(node.Kind), node.Label, subKind, Iso(date?.Start), Iso(date?.End), NodeJson.SerializeToUtf8(node),
            NodeReferences.Of(node).Select(r => (Field(r.Field), r.TargetId)).Distinct().ToList(),
            Core.Rules.SearchText.For(node), Core.Rules.SearchText.Names(node));
    }

    public static Node Parse(string kind, string body) => NodeJson.Parse(kind, body);

    /// <summary>
    /// The node of a row selecting its kind and its body, the body read as the UTF-8 SQLite keeps, not as a string, and
    /// parsed with the plain reader of its kind (<see cref="NodeJson.Parse(string, ReadOnlySpan{byte})"/>).
    /// </summary>
    public static Node Read(SqliteDataReader reader, int kind = 0, int body = 1) =>
        NodeJson.Parse(reader.GetString(kind), reader.GetFieldValue<byte[]>(body));

    /// <summary>The same from rows read through SQLite's own API: the body parsed where SQLite holds it, with no copy.</summary>
    public static Node Read(in Reading.StatementRows rows, int kind = 0, int body = 1) =>
        NodeJson.Parse(rows.GetString(kind), rows.GetUtf8(body));

    /// <summary>Whether rows of the kind can carry a date (see <see cref="Of"/>); the others always have date_start NULL.</summary>
    public static bool CanBeDated(NodeKind kind) => kind is NodeKind.Event or NodeKind.Statement or NodeKind.Source;

    /// <summary>"aboutIds[2]" and "aboutIds[0]" are one field for filtering: "aboutIds".</summary>
    private static string Field(string path)
    {
        var bracket = path.IndexOf('[');
        var dot = path.LastIndexOf('.');
        return dot > 0 ? path[(dot + 1)..] : bracket > 0 ? path[..bracket] : path;
    }

    private static string? Iso(DateOnly? date) => date is { } day ? InputText.FormatDate(day) : null;
}
