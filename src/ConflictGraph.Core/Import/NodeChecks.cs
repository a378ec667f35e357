using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;

namespace ConflictGraph.Core.Import;

/// <summary>A field naming another node, to be resolved once every id in the batch is known.</summary>
internal readonly record struct PendingReference(string Item, string Field, int? Index, string TargetId, IReadOnlyList<NodeKind> AllowedKinds)
{
    public string Path => Index is { } i ? $"{Item}.{Field}[{i}]" : $"{Item}.{Field}";
}

/// <summary>
/// Checks every node's own fields and collects the ids in the batch and the references to
/// resolve. Which fields are references, and to which kinds, comes from the core's NodeReferences.
/// </summary>
internal sealed class NodeChecks(ProblemList problems, FieldChecks fields)
{
    public Dictionary<string, (NodeKind Kind, string Path)> Ids { get; } = new(StringComparer.Ordinal);

    public List<PendingReference> References { get; } = [];

    public void Check(GraphInput input)
    {
        Section(input.Persons, "persons", NodeKind.Person, p => p.Id, Person, GraphInputMapper.ToNode);
        Section(input.Organizations, "organizations", NodeKind.Organization, o => o.Id, Organization, GraphInputMapper.ToNode);
        Section(input.Places, "places", NodeKind.Place, p => p.Id, Place, GraphInputMapper.ToNode);
        Section(input.Events, "events", NodeKind.Event, e => e.Id, Event, GraphInputMapper.ToNode);
        Section(input.Sources, "sources", NodeKind.Source, s => s.Id, Source, GraphInputMapper.ToNode);
        Section(input.Statements, "statements", NodeKind.Statement, s => s.Id, Statement, GraphInputMapper.ToNode);
    }

    private void Section<T>(List<T>? items, string section, NodeKind kind, Func<T, string?> id, Action<T, string> check, Func<T, Node> map)
        where T : class
    {
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            var path = $"{section}[{i}]";
            if (items![i] is not { } item)
            {
                problems.Add(path, "must be an object, not null");
                continue;
            }
            Register(id(item), kind, path);
            check(item, path);
            foreach (var reference in NodeReferences.Of(map(item)))
                if (reference.TargetId.Length > 0)
                    References.Add(new PendingReference(path, reference.Field, null, reference.TargetId, reference.AllowedKinds));
        }
    }

    private void Register(string? id, NodeKind kind, string path)
    {
        if (!fields.Id(id, path, "id")) return;
        if (!Ids.TryAdd(id!, (kind, path))) problems.Add(path, "id", $"'{id}' also used by {problems.Where(Ids[id!].Path)}");
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
