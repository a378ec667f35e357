using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;

namespace ConflictGraph.Neo4j.Layout;

/// <summary>
/// A node's fields that name other nodes (a statement's speaker, its source, what it is about, ...)
/// are kept in the node's body, and also as relationships from the node to each node it names, so
/// "which statements are about this event" or "who refers to this node" start at an id and follow
/// relationships instead of scanning. One type per field, keyed by the field's name as
/// <see cref="NodeReferences"/> gives it (indexes and nesting dropped: roles[2].organizationId is
/// organizationId).
/// </summary>
public static class References
{
    public const string SpokenBy = "SPOKEN_BY";
    public const string SpokenFor = "SPOKEN_FOR";
    public const string ReportedIn = "REPORTED_IN";
    public const string About = "ABOUT";
    public const string ReportsCasualtiesOf = "REPORTS_CASUALTIES_OF";
    public const string HoldsRoleIn = "HOLDS_ROLE_IN";
    public const string OfCountry = "OF_COUNTRY";
    public const string PublishedBy = "PUBLISHED_BY";
    public const string FirstMadeIn = "FIRST_MADE_IN";
    public const string SaidIn = "SAID_IN";
    public const string Relays = "RELAYS";

    private static readonly IReadOnlyDictionary<string, string> ByField = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["speakerId"] = SpokenBy,
        ["onBehalfOfId"] = SpokenFor,
        ["sourceId"] = ReportedIn,
        ["aboutIds"] = About,
        ["eventId"] = ReportsCasualtiesOf,
        ["organizationId"] = HoldsRoleIn,
        ["countryId"] = OfCountry,
        ["publisherId"] = PublishedBy,
        ["primarySourceId"] = FirstMadeIn,
        ["placeId"] = SaidIn,
        ["relaysId"] = Relays,
    };

    public static IReadOnlyList<string> Types { get; } = ByField.Values.Distinct().Order(StringComparer.Ordinal).ToArray();

    /// <summary>Every reference type as one type expression, for "whoever refers to this node".</summary>
    public static string AnyType => string.Join('|', Types);

    /// <summary>The relationship type for a field path such as <c>casualtyReports[1].eventId</c>.</summary>
    public static string TypeOf(string fieldPath)
    {
        var field = FieldName(fieldPath);
        return ByField.TryGetValue(field, out var type)
            ? type
            : throw new NotSupportedException($"the Neo4j store has no relationship type for the node field '{field}' ({fieldPath}); add it to {nameof(References)}");
    }

    /// <summary>Each distinct (type, target) the node's fields name.</summary>
    public static IReadOnlyList<(string Type, string TargetId)> Of(Node node) =>
        NodeReferences.Of(node).Select(r => (TypeOf(r.Field), r.TargetId)).Distinct().ToList();

    private static string FieldName(string path)
    {
        var dot = path.LastIndexOf('.');
        var field = dot >= 0 ? path[(dot + 1)..] : path;
        var bracket = field.IndexOf('[');
        return bracket > 0 ? field[..bracket] : field;
    }
}
