using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;

namespace ConflictGraph.Core.Import;

/// <summary>A field naming another node, to be resolved once every id in the batch is known.</summary>
internal readonly record struct PendingReference(string Item, string Field, int? Index, string TargetId, IReadOnlyList<NodeKind> AllowedKinds)
{
    public string Path => Index is { } i ? $"{Item}.{Field}[{i}]" : $"{Item}.{Field}";
}

/// <summary>
/// Checks one node's own fields and collects the references it makes, to be resolved once the
/// ids they name are known. Which fields are references, and to which kinds, comes from the
/// core's NodeReferences.
/// </summary>
internal sealed class NodeChecks(ProblemList problems, FieldChecks fields)
{
    /// <param name="path">Where the node is, as the user knows it (e.g. <c>seed/people.json: persons[2]</c>).</param>
    public void Check(object item, string path, List<PendingReference> references)
    {
        switch (item)
        {
            case PersonInput p: Person(p, path); break;
            case OrganizationInput o: Organization(o, path); break;
            case PlaceInput p: Place(p, path); break;
            case EventInput e: Event(e, path); break;
            case SourceInput s: Source(s, path); break;
            case StatementInput s: Statement(s, path); break;
        }
        foreach (var reference in NodeReferences.Of(GraphInputMapper.ToNode(item)))
            if (reference.TargetId.Length > 0)
                references.Add(new PendingReference(path, reference.Field, null, reference.TargetId, reference.AllowedKinds));
    }

    /// <summary>The node's id, checked; null when it is missing or malformed (then the node joins no id set).</summary>
    public string? Id(object item, string path)
    {
        var id = item switch
        {
            PersonInput p => p.Id,
            OrganizationInput o => o.Id,
            PlaceInput p => p.Id,
            EventInput e => e.Id,
            SourceInput s => s.Id,
            StatementInput s => s.Id,
            _ => null,
        };
        return fields.Id(id, path, "id") ? id : null;
    }

    private void Person(PersonInput p, string path)
    {
        fields.Required(p.Name, path, "name");
        Texts(p.Aliases, path, "aliases");
        for (var i = 0; i < (p.Roles?.Count ?? 0); i++)
        {
            var role = $"{path}.roles[{i}]";
            if (p.Roles![i] is not { } r)
            {
                problems.Add(role, "must be an object, not null");
                continue;
            }
            fields.Required(r.Title, role, "title");
            var since = fields.Date(r.Since, role, "since");
            if (fields.Date(r.Until, role, "until") < since) problems.Add(role, "until", "before since");
        }
    }

    private void Organization(OrganizationInput o, string path)
    {
        fields.Required(o.Name, path, "name");
        Texts(o.Aliases, path, "aliases");
        fields.Enum<OrganizationKind>(o.Kind, path, "kind", required: true);
    }

    private void Place(PlaceInput p, string path)
    {
        fields.Required(p.Name, path, "name");
        Texts(p.Aliases, path, "aliases");
        fields.Enum<PlaceKind>(p.Kind, path, "kind", required: true);
        fields.Location(p.Location, path);
        fields.Enum<LocationPrecision>(p.Precision, path, "precision", required: false);
        if (p.LocationSource is not null && p.Location is null)
            problems.Add(path, "locationSource", "says where the coordinates come from, but the place has no location");
        else if (p.LocationSource is not null) fields.Required(p.LocationSource, path, "locationSource");
    }

    private void Event(EventInput e, string path)
    {
        fields.Required(e.Title, path, "title");
        fields.Enum<EventKind>(e.Kind, path, "kind", required: true);
        fields.FuzzyDate(e.Date, path, "date");
    }

    private void Source(SourceInput s, string path)
    {
        fields.Required(s.Title, path, "title");
        fields.Date(s.PublishedAt, path, "publishedAt");
        if (s.Url is not null && !(Uri.TryCreate(s.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
            problems.Add(path, "url", $"'{s.Url}' is not an absolute http(s) URL");
        fields.Enum<SourceKind>(s.Kind, path, "kind", required: false);
        if (s.RelaysId is not null && s.RelaysId == s.Id) problems.Add(path, "relaysId", "a source cannot relay itself");
    }

    private void Statement(StatementInput s, string path)
    {
        fields.Required(s.Text, path, "text");
        fields.Enum<Stance>(s.Stance, path, "stance", required: true);
        fields.Enum<Medium>(s.Medium, path, "medium", required: false);
        fields.FuzzyDate(s.Date, path, "date");
        Texts(s.AboutIds, path, "aboutIds");
        if (s.PrimarySourceId is not null && s.PrimarySourceId == s.SourceId)
            problems.Add(path, "primarySourceId", "is the reporting source (sourceId); give it only when the statement was first made elsewhere");
        for (var i = 0; i < (s.CasualtyReports?.Count ?? 0); i++)
        {
            var report = $"{path}.casualtyReports[{i}]";
            if (s.CasualtyReports![i] is not { } c)
            {
                problems.Add(report, "must be an object, not null");
                continue;
            }
            fields.Required(c.EventId, report, "eventId");
            fields.Count(c.KilledMin, c.KilledMax, report, "killed");
            fields.Count(c.InjuredMin, c.InjuredMax, report, "injured");
            fields.Enum<VictimCategory>(c.VictimCategory, report, "victimCategory", required: false);
        }
    }

    private void Texts(List<string>? texts, string path, string field)
    {
        for (var i = 0; i < (texts?.Count ?? 0); i++)
            if (string.IsNullOrWhiteSpace(texts![i])) problems.Add($"{path}.{field}[{i}]", "required");
    }
}
