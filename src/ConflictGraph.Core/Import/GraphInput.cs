namespace ConflictGraph.Core.Import;

// The contract's GraphInput, as seed files and the importGraph mutation carry it. Every field is
// nullable and enums and dates are text, so validation can name each problem instead of failing
// on the first one.

/// <summary>A batch of nodes, relations and facts; seed files hold exactly this shape.</summary>
public sealed class GraphInput
{
    public List<PersonInput>? Persons { get; set; }
    public List<OrganizationInput>? Organizations { get; set; }
    public List<PlaceInput>? Places { get; set; }
    public List<EventInput>? Events { get; set; }
    public List<SourceInput>? Sources { get; set; }
    public List<StatementInput>? Statements { get; set; }
    public List<RelationInput>? Relations { get; set; }
    public List<FactInput>? Facts { get; set; }
}

public sealed class FuzzyDateInput
{
    public string? Start { get; set; }
    public string? End { get; set; }
    public string? Precision { get; set; }
    public string? At { get; set; }
    public string? Text { get; set; }
    /// <summary>MOMENT (the default) or PERIOD.</summary>
    public string? Extent { get; set; }
}

public sealed class GeoPointInput
{
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
}

public sealed class RoleInput
{
    public string? Title { get; set; }
    public string? OrganizationId { get; set; }
    public string? Since { get; set; }
    public string? Until { get; set; }
}

public sealed class PersonInput
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public List<string>? Aliases { get; set; }
    public string? Description { get; set; }
    public List<RoleInput>? Roles { get; set; }
}

public sealed class OrganizationInput
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public List<string>? Aliases { get; set; }
    public string? Description { get; set; }
    public string? Kind { get; set; }
    public string? CountryId { get; set; }
}

public sealed class PlaceInput
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public List<string>? Aliases { get; set; }
    public string? Description { get; set; }
    public string? Kind { get; set; }
    public GeoPointInput? Location { get; set; }
    public string? Precision { get; set; }
    public string? LocationSource { get; set; }
}

public sealed class EventInput
{
    public string? Id { get; set; }
    public string? Title { get; set; }
    public string? Kind { get; set; }
    public string? Description { get; set; }
    public FuzzyDateInput? Date { get; set; }
}

public sealed class SourceInput
{
    public string? Id { get; set; }
    public string? Title { get; set; }
    public string? PublisherId { get; set; }
    public string? Url { get; set; }
    public string? PublishedAt { get; set; }
    public string? Kind { get; set; }
    public string? RelaysId { get; set; }
}

public sealed class CasualtyReportInput
{
    public string? EventId { get; set; }
    public int? KilledMin { get; set; }
    public int? KilledMax { get; set; }
    public int? InjuredMin { get; set; }
    public int? InjuredMax { get; set; }
    public string? Victims { get; set; }
    public string? VictimCategory { get; set; }
}

public sealed class StatementInput
{
    public string? Id { get; set; }
    public string? Text { get; set; }
    public string? Stance { get; set; }
    public FuzzyDateInput? Date { get; set; }
    public string? Medium { get; set; }
    public string? SpeakerId { get; set; }
    public string? OnBehalfOfId { get; set; }
    public string? SpeakerDescription { get; set; }
    public List<string>? AboutIds { get; set; }
    public string? SourceId { get; set; }
    public List<CasualtyReportInput>? CasualtyReports { get; set; }
    public string? PrimarySourceId { get; set; }
    public string? PlaceId { get; set; }
}

public sealed class RelationInput
{
    public string? Type { get; set; }
    public string? FromId { get; set; }
    public string? ToId { get; set; }
    public List<string>? ClaimedByIds { get; set; }
    public List<string>? DisputedByIds { get; set; }
    /// <summary>Claims with positions and characterizations; merged with the two id lists.</summary>
    public List<ClaimInput>? Claims { get; set; }
}

/// <summary>A statement's position on a relation or a fact; the position defaults to CLAIMS.</summary>
public sealed class ClaimInput
{
    public string? StatementId { get; set; }
    public string? Position { get; set; }
    public string? Characterization { get; set; }
}

/// <summary>A claimed attribute of a node, identified by (subjectId, property, value).</summary>
public sealed class FactInput
{
    public string? SubjectId { get; set; }
    public string? Property { get; set; }
    public string? Value { get; set; }
    public List<ClaimInput>? Claims { get; set; }
}
