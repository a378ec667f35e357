using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Import;

public static partial class GraphInputMapper
{
    /// <summary>
    /// Nodes, relations and facts as input, in a stable order (each list by id, claims sorted), so
    /// exporting, importing and exporting again gives the same file.
    /// </summary>
    public static GraphInput FromGraph(IEnumerable<Node> nodes, IEnumerable<Relation> relations, IEnumerable<Fact>? facts = null)
    {
        var byId = nodes.OrderBy(n => n.Id, StringComparer.Ordinal).ToList();
        return new GraphInput
        {
            Persons = Listed(byId.OfType<Person>().Select(ToInput)),
            Organizations = Listed(byId.OfType<Organization>().Select(ToInput)),
            Places = Listed(byId.OfType<Place>().Select(ToInput)),
            Events = Listed(byId.OfType<Event>().Select(ToInput)),
            Sources = Listed(byId.OfType<Source>().Select(ToInput)),
            Statements = Listed(byId.OfType<Statement>().Select(ToInput)),
            Relations = Listed(relations.OrderBy(r => r.Id, StringComparer.Ordinal).Select(ToInput)),
            Facts = Listed((facts ?? []).OrderBy(f => f.Id, StringComparer.Ordinal).Select(ToInput)),
        };
    }

    public static GraphInput FromBatch(GraphBatch batch) => FromGraph(batch.Nodes, batch.Relations, batch.Facts);

    /// <summary>One node as its input item (a <see cref="PersonInput"/>, <see cref="EventInput"/>, ...).</summary>
    public static object ToInput(Node node) => node switch
    {
        Person p => ToInput(p),
        Organization o => ToInput(o),
        Place p => ToInput(p),
        Event e => ToInput(e),
        Source s => ToInput(s),
        Statement s => ToInput(s),
        _ => throw new ArgumentException($"no input shape for {node.GetType().Name}", nameof(node)),
    };

    private static PersonInput ToInput(Person p) => new()
    {
        Id = p.Id, Name = p.Name, Aliases = Listed(p.Aliases), Description = p.Description,
        Roles = Listed(p.Roles.Select(r => new RoleInput
        {
            Title = r.Title, OrganizationId = r.OrganizationId, Since = Date(r.Since), Until = Date(r.Until),
        })),
    };

    private static OrganizationInput ToInput(Organization o) => new()
    {
        Id = o.Id, Name = o.Name, Aliases = Listed(o.Aliases), Description = o.Description,
        Kind = EnumNames.Of(o.OrganizationKind), CountryId = o.CountryId,
    };

    private static PlaceInput ToInput(Place p) => new()
    {
        Id = p.Id, Name = p.Name, Aliases = Listed(p.Aliases), Description = p.Description, Kind = EnumNames.Of(p.PlaceKind),
        Location = p.Location is { } l ? new GeoPointInput { Latitude = l.Latitude, Longitude = l.Longitude } : null,
        Precision = p.Precision is { } precision ? EnumNames.Of(precision) : null, LocationSource = p.LocationSource,
    };

    private static EventInput ToInput(Event e) => new()
    {
        Id = e.Id, Title = e.Title, Kind = EnumNames.Of(e.EventKind), Description = e.Description, Date = ToInput(e.Date),
    };

    private static SourceInput ToInput(Source s) => new()
    {
        Id = s.Id, Title = s.Title, PublisherId = s.PublisherId, Url = s.Url, PublishedAt = Date(s.PublishedAt),
        Kind = s.SourceKind is { } kind ? EnumNames.Of(kind) : null, RelaysId = s.RelaysId,
    };

    private static StatementInput ToInput(Statement s) => new()
    {
        Id = s.Id, Text = s.Text, Stance = EnumNames.Of(s.Stance), Date = ToInput(s.Date),
        Medium = s.Medium is { } medium ? EnumNames.Of(medium) : null,
        SpeakerId = s.SpeakerId, OnBehalfOfId = s.OnBehalfOfId, SpeakerDescription = s.SpeakerDescription,
        AboutIds = Listed(s.AboutIds), SourceId = s.SourceId,
        CasualtyReports = Listed(s.CasualtyReports.Select(c => new CasualtyReportInput
        {
            EventId = c.EventId, KilledMin = c.KilledMin, KilledMax = c.KilledMax,
            InjuredMin = c.InjuredMin, InjuredMax = c.InjuredMax, Victims = c.Victims,
            VictimCategory = c.VictimCategory is { } category ? EnumNames.Of(category) : null,
        })),
        PrimarySourceId = s.PrimarySourceId, PlaceId = s.PlaceId,
    };

    // Plain claims go in the id lists, as they were most likely given; characterized ones in claims.
    private static RelationInput ToInput(Relation r)
    {
        var plain = r.Claims.Where(c => c.Characterization is null).ToList();
        return new RelationInput
        {
            Type = EnumNames.Of(r.Type), FromId = r.FromId, ToId = r.ToId,
            ClaimedByIds = Listed(plain.Where(c => !c.Disputes).Select(c => c.StatementId).Order(StringComparer.Ordinal)),
            DisputedByIds = Listed(plain.Where(c => c.Disputes).Select(c => c.StatementId).Order(StringComparer.Ordinal)),
            Claims = Listed(ToInput(r.Claims.Where(c => c.Characterization is not null))),
        };
    }

    private static FactInput ToInput(Fact f) => new()
    {
        SubjectId = f.SubjectId, Property = f.Property, Value = f.Value, Claims = Listed(ToInput(f.Claims)),
    };

    private static IEnumerable<ClaimInput> ToInput(IEnumerable<Claim> claims) =>
        claims.OrderBy(c => c.StatementId, StringComparer.Ordinal).Select(c => new ClaimInput
        {
            StatementId = c.StatementId, Position = EnumNames.Of(c.Position), Characterization = c.Characterization,
        });

    private static FuzzyDateInput? ToInput(FuzzyDate? d) => d is null ? null : new FuzzyDateInput
    {
        Start = InputText.FormatDate(d.Start), End = InputText.FormatDate(d.End), Precision = EnumNames.Of(d.Precision),
        At = d.At is { } at ? InputText.FormatInstant(at) : null, Text = d.Text,
        Extent = d.Extent == DateExtent.Moment ? null : EnumNames.Of(d.Extent),
    };

    private static string? Date(DateOnly? day) => day is { } d ? InputText.FormatDate(d) : null;

    // Empty lists are left out of the file, as they were optional going in.
    private static List<T>? Listed<T>(IEnumerable<T> items) => items.ToList() is { Count: > 0 } list ? list : null;
}
