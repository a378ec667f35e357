using ConflictGraph.Api.Schema;
using ConflictGraph.Api.Statements;
using ConflictGraph.Core.Rules;
using GraphQL.Types;

namespace ConflictGraph.Api.Events;

public sealed class CasualtyReportGraphType : ObjectGraphType<ReportedCasualties>
{
    public CasualtyReportGraphType()
    {
        Name = "CasualtyReport";
        Description = "One source's casualty figures for one event. An open bound ('at least seven') is null.";
        Field<NonNullGraphType<StatementGraphType>>("statement").Description("The statement that gave these figures.").Resolve(c => c.Loaders().Node(c.Source.StatementId));
        Field<NonNullGraphType<EventGraphType>>("event").Resolve(c => c.Loaders().Node(c.Source.Report.EventId));
        Field<IntGraphType>("killedMin").Resolve(c => c.Source.Report.KilledMin);
        Field<IntGraphType>("killedMax").Resolve(c => c.Source.Report.KilledMax);
        Field<IntGraphType>("injuredMin").Resolve(c => c.Source.Report.InjuredMin);
        Field<IntGraphType>("injuredMax").Resolve(c => c.Source.Report.InjuredMax);
        Field<StringGraphType>("victims").Description("Who the casualties were, e.g. 'Iraqi militiamen'.").Resolve(c => c.Source.Report.Victims);
    }
}

public sealed class CasualtySummaryGraphType : ObjectGraphType<CasualtySummary>
{
    public CasualtySummaryGraphType()
    {
        Name = "CasualtySummary";
        Description = "Every source's casualty figures for an event, side by side.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CasualtyReportGraphType>>>>("reports").Resolve(c => c.Source.Reports);
        Field<IntGraphType>("killedMin").Description("The lowest killed figure across reports.").Resolve(c => c.Source.KilledMin);
        Field<IntGraphType>("killedMax").Description("The highest killed figure; null when a report is open-ended.").Resolve(c => c.Source.KilledMax);
        Field<NonNullGraphType<BooleanGraphType>>("conflicting").Description("True when two reports' killed (or injured) ranges cannot both be right.").Resolve(c => c.Source.Conflicting);
    }
}
