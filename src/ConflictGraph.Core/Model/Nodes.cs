namespace ConflictGraph.Core.Model;

/// <summary>Anything addressable by a stable id. Kind-specific data lives in the sealed subtypes.</summary>
public abstract record Node(string Id)
{
    public abstract NodeKind Kind { get; }

    /// <summary>The name or title a person would read.</summary>
    public abstract string Label { get; }
}

public sealed record Role(string Title, string? OrganizationId = null, DateOnly? Since = null, DateOnly? Until = null);

public sealed record GeoPoint(double Latitude, double Longitude);

public sealed record Person(
    string Id, string Name, IReadOnlyList<string> Aliases, string? Description, IReadOnlyList<Role> Roles) : Node(Id)
{
    public override NodeKind Kind => NodeKind.Person;
    public override string Label => Name;
}

public sealed record Organization(
    string Id, string Name, IReadOnlyList<string> Aliases, string? Description,
    OrganizationKind OrganizationKind, string? CountryId) : Node(Id)
{
    public override NodeKind Kind => NodeKind.Organization;
    public override string Label => Name;
}

/// <param name="Precision">How precisely location and name pin the place down.</param>
/// <param name="LocationSource">Where the coordinates come from, e.g. 'gazetteer (approximate centroid)'.</param>
public sealed record Place(
    string Id, string Name, IReadOnlyList<string> Aliases, string? Description,
    PlaceKind PlaceKind, GeoPoint? Location, LocationPrecision? Precision = null, string? LocationSource = null) : Node(Id)
{
    public override NodeKind Kind => NodeKind.Place;
    public override string Label => Name;
}

public sealed record Event(
    string Id, string Title, EventKind EventKind, string? Description, FuzzyDate? Date) : Node(Id)
{
    public override NodeKind Kind => NodeKind.Event;
    public override string Label => Title;
}

/// <summary>One source's casualty figures for one event; a null bound is open ('at least seven').</summary>
public sealed record CasualtyReport(
    string EventId, int? KilledMin, int? KilledMax, int? InjuredMin, int? InjuredMax, string? Victims,
    VictimCategory? VictimCategory = null)
{
    public CasualtyRange Killed => new(KilledMin, KilledMax);
    public CasualtyRange Injured => new(InjuredMin, InjuredMax);
}

/// <param name="SourceId">The source that reports it (e.g. a news report).</param>
/// <param name="PrimarySourceId">Where it was first made when that is another source (the tweet a news report relays).</param>
/// <param name="PlaceId">Where it was said.</param>
public sealed record Statement(
    string Id, string Text, Stance Stance, FuzzyDate? Date, Medium? Medium,
    string? SpeakerId, string? OnBehalfOfId, string? SpeakerDescription,
    IReadOnlyList<string> AboutIds, string? SourceId, IReadOnlyList<CasualtyReport> CasualtyReports,
    string? PrimarySourceId = null, string? PlaceId = null) : Node(Id)
{
    public override NodeKind Kind => NodeKind.Statement;
    public override string Label => Text;
    public bool Anonymous => SpeakerId is null;
}

/// <param name="RelaysId">The source this one only relays (a news report quoting a tweet relays the tweet).</param>
public sealed record Source(
    string Id, string Title, string? PublisherId, string? Url, DateOnly? PublishedAt,
    SourceKind? SourceKind = null, string? RelaysId = null) : Node(Id)
{
    public override NodeKind Kind => NodeKind.Source;
    public override string Label => Title;
}
