using ConflictGraph.Core.Model;
using GraphQL.Types;

namespace ConflictGraph.Api.Schema;

public sealed class NodeInterface : InterfaceGraphType<Node>
{
    public const string TypeName = "Node";

    public NodeInterface()
    {
        Name = TypeName;
        Description = "Anything addressable by a stable id.";
        Field<NonNullGraphType<IdGraphType>>("id")
            .Description("Stable, human-readable, globally unique id chosen by the data, e.g. 'event:2021-06-27-us-airstrikes'.");
    }
}

public sealed class FuzzyDateGraphType : ObjectGraphType<FuzzyDate>
{
    public FuzzyDateGraphType()
    {
        Name = "FuzzyDate";
        Description = "A date known only to within a range, as sources give it: 'Sunday', 'since April', 'last year'.";
        Field<NonNullGraphType<CalendarDateGraphType>>("start").Description("First day the date can be.").ResolveSource(s => s.Start);
        Field<NonNullGraphType<CalendarDateGraphType>>("end").Description("Last day the date can be.").ResolveSource(s => s.End);
        Field<NonNullGraphType<EnumerationGraphType<DatePrecision>>>("precision").Description("How finely the source gave it.").ResolveSource(s => s.Precision);
        Field<DateTimeWithOffsetGraphType>("at").Description("Exact local time when known.").ResolveSource(s => s.At);
        Field<StringGraphType>("text").Description("How the source put it, e.g. 'since April'.").ResolveSource(s => s.Text);
        Field<NonNullGraphType<EnumerationGraphType<DateExtent>>>("extent")
            .Description("MOMENT (the default): it happened once, somewhere in [start, end]. PERIOD: it lasted through the range (a series of attacks 'since April').")
            .ResolveSource(s => s.Extent);
    }
}

public sealed class GeoPointGraphType : ObjectGraphType<GeoPoint>
{
    public GeoPointGraphType()
    {
        Name = "GeoPoint";
        Description = "A point on the map, in decimal degrees (WGS 84).";
        Field<NonNullGraphType<FloatGraphType>>("latitude").ResolveSource(s => s.Latitude);
        Field<NonNullGraphType<FloatGraphType>>("longitude").ResolveSource(s => s.Longitude);
    }
}

public sealed class GraphStatsGraphType : ObjectGraphType<GraphStats>
{
    public GraphStatsGraphType()
    {
        Name = "GraphStats";
        Description = "How much the graph holds.";
        Field<NonNullGraphType<IntGraphType>>("nodes").ResolveSource(s => s.Nodes);
        Field<NonNullGraphType<IntGraphType>>("relations").ResolveSource(s => s.Relations);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KindCountGraphType>>>>("byKind").Description("Nodes per kind.").ResolveSource(s => s.ByKind);
    }
}

public sealed class KindCountGraphType : ObjectGraphType<KindCount>
{
    public KindCountGraphType()
    {
        Name = "KindCount";
        Description = "How many nodes of one kind the graph holds.";
        Field<NonNullGraphType<EnumerationGraphType<NodeKind>>>("kind").ResolveSource(s => s.Kind);
        Field<NonNullGraphType<IntGraphType>>("count").ResolveSource(s => s.Count);
    }
}
