using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Import;

/// <summary>
/// GraphInput to the core's <see cref="GraphBatch"/> and back. Mapping expects input that passed
/// <see cref="GraphValidator"/>: a field that does not parse maps to its default, never throws.
/// </summary>
public static partial class GraphInputMapper
{
    public static GraphBatch ToBatch(GraphInput input)
    {
        var nodes = new List<Node>();
        foreach (var p in input.Persons ?? []) nodes.Add(ToNode(p));
        foreach (var o in input.Organizations ?? []) nodes.Add(ToNode(o));
        foreach (var p in input.Places ?? []) nodes.Add(ToNode(p));
        foreach (var e in input.Events ?? []) nodes.Add(ToNode(e));
        foreach (var s in input.Sources ?? []) nodes.Add(ToNode(s));
        foreach (var s in input.Statements ?? []) nodes.Add(ToNode(s));
        return new GraphBatch(nodes, MergeRelations(input.Relations ?? []));
    }

    /// <summary>Relations with one (type, from, to) merged into one, their claims and disputes unioned in order.</summary>
    public static IReadOnlyList<Relation> MergeRelations(IEnumerable<RelationInput> relations)
    {
        var indexByKey = new Dictionary<(RelationType, string, string), int>();
        var merged = new List<(Relation Relation, List<string> Claims, List<string> Disputes)>();
        foreach (var r in relations)
        {
            var type = Enum<RelationType>(r.Type);
            var key = (type, r.FromId ?? "", r.ToId ?? "");
            if (!indexByKey.TryGetValue(key, out var index))
            {
                indexByKey[key] = index = merged.Count;
                merged.Add((new Relation(type, r.FromId ?? "", r.ToId ?? "", [], []), [], []));
            }
            AddNew(merged[index].Claims, r.ClaimedByIds);
            AddNew(merged[index].Disputes, r.DisputedByIds);
        }
        return merged.Select(m => m.Relation with { ClaimedBy = m.Claims, DisputedBy = m.Disputes }).ToList();
    }

    public static Node ToNode(PersonInput p) => new Person(
        p.Id ?? "", p.Name ?? "", Texts(p.Aliases), p.Description,
        (p.Roles ?? []).Select(r => new Role(r?.Title ?? "", r?.OrganizationId, InputText.ParseDate(r?.Since), InputText.ParseDate(r?.Until))).ToArray());

    public static Node ToNode(OrganizationInput o) => new Organization(
        o.Id ?? "", o.Name ?? "", Texts(o.Aliases), o.Description, Enum<OrganizationKind>(o.Kind), o.CountryId);

    public static Node ToNode(PlaceInput p) => new Place(
        p.Id ?? "", p.Name ?? "", Texts(p.Aliases), p.Description, Enum<PlaceKind>(p.Kind),
        p.Location is { } l ? new GeoPoint(l.Latitude ?? 0, l.Longitude ?? 0) : null);

    public static Node ToNode(EventInput e) => new Event(e.Id ?? "", e.Title ?? "", Enum<EventKind>(e.Kind), e.Description, ToDate(e.Date));

    public static Node ToNode(SourceInput s) => new Source(s.Id ?? "", s.Title ?? "", s.PublisherId, s.Url, InputText.ParseDate(s.PublishedAt));

    public static Node ToNode(StatementInput s) => new Statement(
        s.Id ?? "", s.Text ?? "", Enum<Stance>(s.Stance), ToDate(s.Date),
        s.Medium is null ? null : Enum<Medium>(s.Medium), s.SpeakerId, s.OnBehalfOfId, s.SpeakerDescription,
        Texts(s.AboutIds), s.SourceId,
        (s.CasualtyReports ?? []).Select(c => new CasualtyReport(
            c?.EventId ?? "", c?.KilledMin, c?.KilledMax, c?.InjuredMin, c?.InjuredMax, c?.Victims)).ToArray());

    private static FuzzyDate? ToDate(FuzzyDateInput? d)
    {
        if (d is null) return null;
        var start = InputText.ParseDate(d.Start) ?? default;
        return new FuzzyDate(start, InputText.ParseDate(d.End) ?? start, Enum<DatePrecision>(d.Precision), InputText.ParseInstant(d.At), d.Text);
    }

    private static T Enum<T>(string? text) where T : struct, Enum => EnumNames.TryParse<T>(text, out var value) ? value : default;

    private static string[] Texts(List<string>? texts) => texts is null ? [] : texts.Select(t => t ?? "").ToArray();

    private static void AddNew(List<string> into, List<string>? ids)
    {
        foreach (var id in ids ?? [])
            if (id is not null && !into.Contains(id)) into.Add(id);
    }
}
