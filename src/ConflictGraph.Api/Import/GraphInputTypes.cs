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
        Description = "A batch of nodes and relations. Seed files hold exactly this shape as JSON. Loading is all or nothing, and idempotent: an existing id is updated, never duplicated.";
        Field<ListGraphType<NonNullGraphType<PersonInputType>>>("persons");
        Field<ListGraphType<NonNullGraphType<OrganizationInputType>>>("organizations");
        Field<ListGraphType<NonNullGraphType<PlaceInputType>>>("places");
        Field<ListGraphType<NonNullGraphType<EventInputType>>>("events");
        Field<ListGraphType<NonNullGraphType<SourceInputType>>>("sources");
        Field<ListGraphType<NonNullGraphType<StatementInputType>>>("statements");
        Field<ListGraphType<NonNullGraphType<RelationInputType>>>("relations");
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
        Field<GeoPointInputType>("location");
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
    }
}
