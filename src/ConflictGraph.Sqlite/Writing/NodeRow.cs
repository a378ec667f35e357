using System.Text.Json;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;

namespace ConflictGraph.Sqlite.Writing;

/// <summary>A node as the nodes table holds it: the filterable columns, the body, its references and its search text.</summary>
internal sealed record NodeRow(
    string Id, string Kind, string Label, string? SubKind, string? DateStart, string? DateEnd, string Body,
    IReadOnlyList<(string Field, string TargetId)> References, string SearchText)
{
    private static readonly JsonSerializerOptions Compact = new(GraphJson.Write) { WriteIndented = false };

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
            node.Id, EnumNames.Of(node.Kind), node.Label, subKind, Iso(date?.Start), Iso(date?.End), Serialize(node),
            NodeReferences.Of(node).Select(r => (Field(r.Field), r.TargetId)).Distinct().ToList(),
            Core.Rules.SearchText.Fold(string.Join(' ', Words(node))));
    }

    public static Node Parse(string kind, string body) => EnumNames.Parse<NodeKind>(kind) switch
    {
        NodeKind.Person => GraphInputMapper.ToNode(Deserialize<PersonInput>(body)),
        NodeKind.Organization => GraphInputMapper.ToNode(Deserialize<OrganizationInput>(body)),
        NodeKind.Place => GraphInputMapper.ToNode(Deserialize<PlaceInput>(body)),
        NodeKind.Event => GraphInputMapper.ToNode(Deserialize<EventInput>(body)),
        NodeKind.Source => GraphInputMapper.ToNode(Deserialize<SourceInput>(body)),
        NodeKind.Statement => GraphInputMapper.ToNode(Deserialize<StatementInput>(body)),
        var other => throw new InvalidDataException($"unknown node kind {other}"),
    };

    /// <summary>"aboutIds[2]" and "aboutIds[0]" are one field for filtering: "aboutIds".</summary>
    private static string Field(string path)
    {
        var bracket = path.IndexOf('[');
        var dot = path.LastIndexOf('.');
        return dot > 0 ? path[(dot + 1)..] : bracket > 0 ? path[..bracket] : path;
    }

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd");

    private static T Deserialize<T>(string body) => JsonSerializer.Deserialize<T>(body, Compact)
        ?? throw new InvalidDataException("a stored node body is null");

    private static string Serialize(Node node)
    {
        var input = GraphInputMapper.FromGraph([node], []);
        object single = node.Kind switch
        {
            NodeKind.Person => input.Persons![0],
            NodeKind.Organization => input.Organizations![0],
            NodeKind.Place => input.Places![0],
            NodeKind.Event => input.Events![0],
            NodeKind.Source => input.Sources![0],
            _ => input.Statements![0],
        };
        return JsonSerializer.Serialize(single, single.GetType(), Compact);
    }

    private static IEnumerable<string?> Words(Node node) => node switch
    {
        Person p => [p.Name, .. p.Aliases, p.Description, .. p.Roles.Select(r => r.Title)],
        Organization o => [o.Name, .. o.Aliases, o.Description],
        Place p => [p.Name, .. p.Aliases, p.Description],
        Event e => [e.Title, e.Description, e.Date?.Text],
        Statement s => [s.Text, s.SpeakerDescription],
        Source s => [s.Title],
        _ => [node.Label],
    };
}
