using ConflictGraph.Api.Places;
using ConflictGraph.Api.Schema;
using ConflictGraph.Core.Model;
using GraphQL.Types;

namespace ConflictGraph.Api.Import;

// The contract's GraphInput, field for field. Values arrive as dictionaries and are read into the
// same GraphInput the seed files and the CLI use (GraphInputArgument), so one validator sees them all.

public sealed class GraphInputType : InputObjectGraphType
{
    public GraphInputType()
    {
        Name = "GraphInput";
        Description = "A batch of nodes, relations and facts. Seed files hold exactly this shape as JSON. Loading is all or nothing, and idempotent: an existing id is updated, never duplicated; a relation or fact given again merges its claims.";
        Field<ListGraphType<NonNullGraphType<PersonInputType>>>("persons");
        Field<ListGraphType<NonNullGraphType<OrganizationInputType>>>("organizations");
        Field<ListGraphType<NonNullGraphType<PlaceInputType>>>("places");
        Field<ListGraphType<NonNullGraphType<EventInputType>>>("events");
        Field<ListGraphType<NonNullGraphType<SourceInputType>>>("sources");
        Field<ListGraphType<NonNullGraphType<StatementInputType>>>("statements");
        Field<ListGraphType<NonNullGraphType<RelationInputType>>>("relations");
        Field<ListGraphType<NonNullGraphType<FactInputType>>>("facts").Description("Claimed attributes of nodes, each with the statements that claim or dispute it.");
    }
}

public sealed class FuzzyDateInputType : InputObjectGraphType
{
    public FuzzyDateInputType()
    {
        Name = "FuzzyDateInput";
        Description = "A date as precise as the source gave it.";
        Field<NonNullGraphType<CalendarDateGraphType>>("start");
        Field<CalendarDateGraphType>("end").Description("Defaults to start.");
        Field<NonNullGraphType<EnumerationGraphType<DatePrecision>>>("precision");
        Field<DateTimeWithOffsetGraphType>("at");
        Field<StringGraphType>("text");
        Field<EnumerationGraphType<DateExtent>>("extent").Description("MOMENT (the default): once, somewhere in the range; PERIOD: lasting through it, which needs an end.");
    }
}

public sealed class GeoPointInputType : InputObjectGraphType
{
    public GeoPointInputType()
    {
        Name = "GeoPointInput";
        Description = "A point on the map, in decimal degrees (WGS 84).";
        Field<NonNullGraphType<FloatGraphType>>("latitude");
        Field<NonNullGraphType<FloatGraphType>>("longitude");
    }
}

public sealed class RoleInputType : InputObjectGraphType
{
    public RoleInputType()
    {
        Name = "RoleInput";
        Description = "A position a person holds, optionally in an organization and for a time.";
        Field<NonNullGraphType<StringGraphType>>("title");
        Field<IdGraphType>("organizationId");
        Field<CalendarDateGraphType>("since");
        Field<CalendarDateGraphType>("until");
    }
}

public sealed class PersonInputType : InputObjectGraphType
{
    public PersonInputType()
    {
        Name = "PersonInput";
        Description = "A person; an existing id is updated.";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("aliases");
        Field<StringGraphType>("description");
        Field<ListGraphType<NonNullGraphType<RoleInputType>>>("roles");
    }
}

public sealed class OrganizationInputType : InputObjectGraphType
{
    public OrganizationInputType()
    {
        Name = "OrganizationInput";
        Description = "An organization; an existing id is updated.";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("aliases");
        Field<StringGraphType>("description");
        Field<NonNullGraphType<EnumerationGraphType<OrganizationKind>>>("kind");
        Field<IdGraphType>("countryId");
    }
}

public sealed class PlaceInputType : InputObjectGraphType
{
    public PlaceInputType()
    {
        Name = "PlaceInput";
        Description = "A place; where it lies comes from LOCATED_IN relations.";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("aliases");
        Field<StringGraphType>("description");
        Field<NonNullGraphType<EnumerationGraphType<PlaceKind>>>("kind");
        Field<GeoPointInputType>("location").Description("Coordinates; give locationSource with them.");
        Field<LocationPrecisionGraphType>("precision").Description("How precisely location and name pin the place down.");
        Field<StringGraphType>("locationSource").Description("Where the coordinates come from, e.g. 'gazetteer (approximate centroid)'.");
    }
}

public sealed class EventInputType : InputObjectGraphType
{
    public EventInputType()
    {
        Name = "EventInput";
        Description = "An event; who, where and what it answered come from relations.";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<StringGraphType>>("title");
        Field<NonNullGraphType<EnumerationGraphType<EventKind>>>("kind");
        Field<StringGraphType>("description");
        Field<FuzzyDateInputType>("date");
    }
}

public sealed class SourceInputType : InputObjectGraphType
{
    public SourceInputType()
    {
        Name = "SourceInput";
        Description = "A document that reports statements.";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<StringGraphType>>("title");
        Field<IdGraphType>("publisherId");
        Field<StringGraphType>("url");
        Field<CalendarDateGraphType>("publishedAt");
        Field<EnumerationGraphType<SourceKind>>("kind");
        Field<IdGraphType>("relaysId").Description("The source this one only relays (e.g. the post a news report quotes).");
    }
}

public sealed class CasualtyReportInputType : InputObjectGraphType
{
    public CasualtyReportInputType()
    {
        Name = "CasualtyReportInput";
        Description = "One statement's casualty figures for one event; leave a bound out when it is open ('at least seven').";
        Field<NonNullGraphType<IdGraphType>>("eventId");
        Field<IntGraphType>("killedMin");
        Field<IntGraphType>("killedMax");
        Field<IntGraphType>("injuredMin");
        Field<IntGraphType>("injuredMax");
        Field<StringGraphType>("victims");
        Field<EnumerationGraphType<VictimCategory>>("victimCategory");
    }
}

public sealed class StatementInputType : InputObjectGraphType
{
    public StatementInputType()
    {
        Name = "StatementInput";
        Description = "Something an actor said, as a source reported it; leave speakerId out and give speakerDescription for an unnamed speaker.";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<StringGraphType>>("text");
        Field<NonNullGraphType<EnumerationGraphType<Stance>>>("stance");
        Field<FuzzyDateInputType>("date");
        Field<EnumerationGraphType<Medium>>("medium");
        Field<IdGraphType>("speakerId");
        Field<IdGraphType>("onBehalfOfId");
        Field<StringGraphType>("speakerDescription");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("aboutIds");
        Field<IdGraphType>("sourceId");
        Field<ListGraphType<NonNullGraphType<CasualtyReportInputType>>>("casualtyReports");
        Field<IdGraphType>("primarySourceId").Description("Where it was first made when that is another source than sourceId (e.g. a post the report relays).");
        Field<IdGraphType>("placeId").Description("Where it was said.");
    }
}

public sealed class RelationInputType : InputObjectGraphType
{
    public RelationInputType()
    {
        Name = "RelationInput";
        Description = "A relation between two nodes. Loading the same (type, fromId, toId) again merges its claims.";
        Field<NonNullGraphType<EnumerationGraphType<RelationType>>>("type");
        Field<NonNullGraphType<IdGraphType>>("fromId");
        Field<NonNullGraphType<IdGraphType>>("toId");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("claimedByIds");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("disputedByIds");
        Field<ListGraphType<NonNullGraphType<ClaimInputType>>>("claims").Description("Claims with positions and the speakers' characterizations; merged with the two id lists.");
    }
}

public sealed class ClaimInputType : InputObjectGraphType
{
    public ClaimInputType()
    {
        Name = "ClaimInput";
        Description = "A statement's position on a relation or fact, with the speaker's own word for it when the statement gives one.";
        Field<NonNullGraphType<IdGraphType>>("statementId");
        Field<EnumerationGraphType<ClaimPosition>>("position").Description("CLAIMS (the default) or DISPUTES.").DefaultValue(ClaimPosition.Claims);
        Field<StringGraphType>("characterization").Description("The speaker's own word or short phrase, e.g. 'retaliation', 'defensive' (at most 80 characters).");
    }
}

public sealed class FactInputType : InputObjectGraphType
{
    public FactInputType()
    {
        Name = "FactInput";
        Description = "A claimed attribute of a node, identified by (subjectId, property, value): loading it again merges its claims. It needs at least one claim.";
        Field<NonNullGraphType<IdGraphType>>("subjectId").Description("A person, organization, place or event.");
        Field<NonNullGraphType<StringGraphType>>("property").Description("A lower-case name, e.g. 'function', 'presence', 'count', 'identity'.");
        Field<NonNullGraphType<StringGraphType>>("value");
        Field<ListGraphType<NonNullGraphType<ClaimInputType>>>("claims");
    }
}
