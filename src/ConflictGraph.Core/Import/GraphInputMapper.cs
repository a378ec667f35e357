using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;

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
        return new GraphBatch(nodes, MergeRelations(input.Relations ?? [])) { Facts = MergeFacts(input.Facts ?? []) };
    }

    /// <summary>Relations with one (type, from, to) merged into one, their claims merged by <see cref="ClaimMerge"/> in order.</summary>
    public static IReadOnlyList<Relation> MergeRelations(IEnumerable<RelationInput> relations) =>
        Merged(relations.Where(r => r is not null), r => (Enum<RelationType>(r.Type), r.FromId ?? "", r.ToId ?? ""), ClaimsOf,
            (key, claims) => new Relation(key.Item1, key.Item2, key.Item3, claims));

    /// <summary>Facts with one (subject, property, value) merged into one, as relations are.</summary>
    public static IReadOnlyList<Fact> MergeFacts(IEnumerable<FactInput> facts) =>
        Merged(facts.Where(f => f is not null), f => (f.SubjectId ?? "", FactProperty(f.Property), FactValue(f.Value)), f => Claims(f.Claims),
            (key, claims) => new Fact(key.Item1, key.Item2, key.Item3, claims));

    /// <summary>A property as identity uses it: trimmed.</summary>
    public static string FactProperty(string? property) => property?.Trim() ?? "";

    /// <summary>A value as identity uses it: trimmed, inner spacing as given.</summary>
    public static string FactValue(string? value) => value?.Trim() ?? "";

    /// <summary>A relation input's claims: its id lists, then its claims, as one sequence in that order.</summary>
    public static IEnumerable<Claim> ClaimsOf(RelationInput relation) =>
        Claim.Of(Texts(relation.ClaimedByIds).Where(s => s.Length > 0), Texts(relation.DisputedByIds).Where(s => s.Length > 0)).Concat(Claims(relation.Claims));

    private static IEnumerable<Claim> Claims(List<ClaimInput>? claims) =>
        (claims ?? []).Where(c => c?.StatementId is not null).Select(c => ToClaim(c!));

    public static Claim ToClaim(ClaimInput claim) => new(
        claim.StatementId ?? "", claim.Position is null ? ClaimPosition.Claims : Enum<ClaimPosition>(claim.Position),
        string.IsNullOrWhiteSpace(claim.Characterization) ? null : claim.Characterization.Trim());

    private static List<T> Merged<TInput, TKey, T>(
        IEnumerable<TInput> items, Func<TInput, TKey> keyOf, Func<TInput, IEnumerable<Claim>> claimsOf, Func<TKey, IReadOnlyList<Claim>, T> make)
        where TKey : notnull
    {
        var indexByKey = new Dictionary<TKey, int>();
        var merged = new List<(TKey Key, List<string> Order, Dictionary<string, Claim> Claims)>();
        foreach (var item in items)
        {
            var key = keyOf(item);
            if (!indexByKey.TryGetValue(key, out var index))
            {
                indexByKey[key] = index = merged.Count;
                merged.Add((key, [], new Dictionary<string, Claim>(StringComparer.Ordinal)));
            }
            var (_, order, claims) = merged[index];
            MergeInto(order, claims, claimsOf(item));
        }
        return merged.Select(m => make(m.Key, m.Order.Select(id => m.Claims[id]).ToList())).ToList();
    }

    /// <summary>One item's claims merged as <see cref="Merged"/> merges a key's: each statement once, where it first came.</summary>
    private static List<Claim> MergedClaims(IEnumerable<Claim> incoming)
    {
        var (order, claims) = (new List<string>(), new Dictionary<string, Claim>(StringComparer.Ordinal));
        MergeInto(order, claims, incoming);
        return order.Select(id => claims[id]).ToList();
    }

    private static void MergeInto(List<string> order, Dictionary<string, Claim> claims, IEnumerable<Claim> incoming)
    {
        foreach (var claim in incoming)
        {
            if (!claims.ContainsKey(claim.StatementId)) order.Add(claim.StatementId);
            ClaimMerge.Merge(claims, [claim]);
        }
    }

    /// <summary>A node input of any kind (a <see cref="PersonInput"/>, ...).</summary>
    public static Node ToNode(object item) => item switch
    {
        PersonInput p => ToNode(p),
        OrganizationInput o => ToNode(o),
        PlaceInput p => ToNode(p),
        EventInput e => ToNode(e),
        SourceInput s => ToNode(s),
        StatementInput s => ToNode(s),
        _ => throw new ArgumentException($"{item.GetType().Name} is not a node input"),
    };

    /// <summary>One relation input with its claims merged, as a batch holds it (what <see cref="MergeRelations"/> gives for it alone).</summary>
    public static Relation ToRelation(RelationInput relation) =>
        new(Enum<RelationType>(relation.Type), relation.FromId ?? "", relation.ToId ?? "", MergedClaims(ClaimsOf(relation)));

    /// <summary>One fact input with its claims merged (what <see cref="MergeFacts"/> gives for it alone).</summary>
    public static Fact ToFact(FactInput fact) =>
        new(fact.SubjectId ?? "", FactProperty(fact.Property), FactValue(fact.Value), MergedClaims(Claims(fact.Claims)));

    public static Node ToNode(PersonInput p) => new Person(
        p.Id ?? "", p.Name ?? "", Texts(p.Aliases), p.Description,
        (p.Roles ?? []).Select(r => new Role(r?.Title ?? "", r?.OrganizationId, InputText.ParseDate(r?.Since), InputText.ParseDate(r?.Until))).ToArray());

    public static Node ToNode(OrganizationInput o) => new Organization(
        o.Id ?? "", o.Name ?? "", Texts(o.Aliases), o.Description, Enum<OrganizationKind>(o.Kind), o.CountryId);

    public static Node ToNode(PlaceInput p) => new Place(
        p.Id ?? "", p.Name ?? "", Texts(p.Aliases), p.Description, Enum<PlaceKind>(p.Kind),
        p.Location is { } l ? new GeoPoint(l.Latitude ?? 0, l.Longitude ?? 0) : null,
        p.Precision is null ? null : Enum<LocationPrecision>(p.Precision), p.LocationSource);

    public static Node ToNode(EventInput e) => new Event(e.Id ?? "", e.Title ?? "", Enum<EventKind>(e.Kind), e.Description, ToDate(e.Date));

    public static Node ToNode(SourceInput s) => new Source(
        s.Id ?? "", s.Title ?? "", s.PublisherId, s.Url, InputText.ParseDate(s.PublishedAt),
        s.Kind is null ? null : Enum<SourceKind>(s.Kind), s.RelaysId);

    public static Node ToNode(StatementInput s) => new Statement(
        s.Id ?? "", s.Text ?? "", Enum<Stance>(s.Stance), ToDate(s.Date),
        s.Medium is null ? null : Enum<Medium>(s.Medium), s.SpeakerId, s.OnBehalfOfId, s.SpeakerDescription,
        Texts(s.AboutIds), s.SourceId,
        (s.CasualtyReports ?? []).Select(c => new CasualtyReport(
            c?.EventId ?? "", c?.KilledMin, c?.KilledMax, c?.InjuredMin, c?.InjuredMax, c?.Victims,
            c?.VictimCategory is null ? null : Enum<VictimCategory>(c.VictimCategory))).ToArray(),
        s.PrimarySourceId, s.PlaceId);

    private static FuzzyDate? ToDate(FuzzyDateInput? d)
    {
        if (d is null) return null;
        var start = InputText.ParseDate(d.Start) ?? default;
        return new FuzzyDate(start, InputText.ParseDate(d.End) ?? start, Enum<DatePrecision>(d.Precision), InputText.ParseInstant(d.At), d.Text,
            d.Extent is null ? DateExtent.Moment : Enum<DateExtent>(d.Extent));
    }

    private static T Enum<T>(string? text) where T : struct, Enum => EnumNames.TryParse<T>(text, out var value) ? value : default;

    private static string[] Texts(List<string>? texts) => texts is null ? [] : texts.Select(t => t ?? "").ToArray();
}
