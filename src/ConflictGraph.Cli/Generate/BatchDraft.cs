using System.Globalization;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;

namespace ConflictGraph.Cli.Generate;

/// <summary>A GraphInput being filled, with the wire spellings (enum names, ISO dates) applied in one place.</summary>
internal sealed class BatchDraft
{
    public GraphInput Input { get; } = new()
    {
        Persons = [], Organizations = [], Places = [], Events = [], Sources = [], Statements = [], Relations = [],
    };

    public void Place(string id, string name, PlaceKind kind, double latitude, double longitude, string? description = null) =>
        Input.Places!.Add(new PlaceInput
        {
            Id = id, Name = name, Kind = EnumNames.Of(kind), Description = description,
            Location = new GeoPointInput { Latitude = Math.Round(latitude, 4), Longitude = Math.Round(longitude, 4) },
        });

    public void Organization(string id, string name, OrganizationKind kind, string? countryId, List<string>? aliases = null) =>
        Input.Organizations!.Add(new OrganizationInput
        {
            Id = id, Name = name, Kind = EnumNames.Of(kind), CountryId = countryId, Aliases = aliases,
        });

    public void Person(string id, string name, string? description, List<RoleInput>? roles) =>
        Input.Persons!.Add(new PersonInput { Id = id, Name = name, Description = description, Roles = roles });

    public void Source(string id, string title, string publisherId, DateOnly publishedAt) =>
        Input.Sources!.Add(new SourceInput
        {
            Id = id, Title = title, PublisherId = publisherId, PublishedAt = Iso(publishedAt),
            Url = $"https://news.example.org/{id["source:".Length..]}",
        });

    public EventInput Event(string id, string title, EventKind kind, FuzzyDateInput date, string? description)
    {
        var input = new EventInput { Id = id, Title = title, Kind = EnumNames.Of(kind), Date = date, Description = description };
        Input.Events!.Add(input);
        return input;
    }

    public StatementInput Statement(string id, string text, Stance stance, DateOnly day, Medium medium, string sourceId, List<string> aboutIds)
    {
        var input = new StatementInput
        {
            Id = id, Text = text, Stance = EnumNames.Of(stance), Date = Day(day), Medium = EnumNames.Of(medium),
            SourceId = sourceId, AboutIds = aboutIds,
        };
        Input.Statements!.Add(input);
        return input;
    }

    public RelationInput Relate(RelationType type, string fromId, string toId)
    {
        var input = new RelationInput { Type = EnumNames.Of(type), FromId = fromId, ToId = toId };
        Input.Relations!.Add(input);
        return input;
    }

    public static void Claim(RelationInput relation, string statementId) => (relation.ClaimedByIds ??= []).Add(statementId);

    public static void Dispute(RelationInput relation, string statementId) => (relation.DisputedByIds ??= []).Add(statementId);

    public static string Iso(DateOnly day) => InputText.FormatDate(day);

    public static FuzzyDateInput Day(DateOnly day, string? text = null) =>
        new() { Start = Iso(day), End = Iso(day), Precision = EnumNames.Of(DatePrecision.Day), Text = text };

    public static FuzzyDateInput Month(DateOnly day, string? text = null)
    {
        var first = new DateOnly(day.Year, day.Month, 1);
        return new() { Start = Iso(first), End = Iso(first.AddMonths(1).AddDays(-1)), Precision = EnumNames.Of(DatePrecision.Month), Text = text };
    }

    public static FuzzyDateInput Year(DateOnly day, string? text = null) =>
        new() { Start = Iso(new DateOnly(day.Year, 1, 1)), End = Iso(new DateOnly(day.Year, 12, 31)), Precision = EnumNames.Of(DatePrecision.Year), Text = text };
}
