using ConflictGraph.Api.Loading;
using ConflictGraph.Api.Schema;
using ConflictGraph.Api.Statements;
using ConflictGraph.Core.Model;
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
        Field<EnumerationGraphType<VictimCategory>>("victimCategory").Description("Who the casualties were, as a category for counting; null when not given.")
            .Resolve(c => c.Source.Report.VictimCategory);
    }
}

/// <summary>An event's casualty summary, with the event it belongs to (sharedWithRelated looks at its PART_OF relatives).</summary>
public sealed record EventCasualties(string EventId, CasualtySummary Summary);

public sealed class CasualtySummaryGraphType : ObjectGraphType<EventCasualties>
{
    public CasualtySummaryGraphType()
    {
        Name = "CasualtySummary";
        Description = "Every source's casualty figures for an event, side by side, and UCDP-style low, best and high estimates of the killed.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CasualtyReportGraphType>>>>("reports").Resolve(c => c.Source.Summary.Reports);
        Field<IntGraphType>("killedMin").Description("The lowest killed figure across reports.").Resolve(c => c.Source.Summary.KilledMin);
        Field<IntGraphType>("killedMax").Description("The highest killed figure; null when a report is open-ended.").Resolve(c => c.Source.Summary.KilledMax);
        Field<NonNullGraphType<BooleanGraphType>>("conflicting").Description("True when two reports' killed (or injured) ranges cannot both be right.")
            .Resolve(c => c.Source.Summary.Conflicting);
        Field<IntGraphType>("killedLow").Description("UCDP-style low estimate of people killed: the lowest figure any report allows ('up to ten' allows 0). Null when no report gives a figure.")
            .Resolve(c => c.Source.Summary.Estimate.Low);
        Field<IntGraphType>("killedBest").Description($"UCDP-style best estimate, by the rule in bestRule: {CasualtyEstimate.BestRule} Null when no report states a figure.")
            .Resolve(c => c.Source.Summary.Estimate.Best);
        Field<IntGraphType>("killedHigh").Description("UCDP-style high estimate: the highest figure any report allows; null when a report is open-ended ('at least seven') or none gives a figure.")
            .Resolve(c => c.Source.Summary.Estimate.High);
        Field<NonNullGraphType<StringGraphType>>("bestRule").Description("How killedBest was chosen, in one sentence.").Resolve(_ => CasualtyEstimate.BestRule);
        Field<NonNullGraphType<BooleanGraphType>>("sharedWithRelated")
            .Description("True when this event has figures and so does an event it is part of, or one that is part of it (PART_OF, at any depth): " +
                         "they may count the same dead, so do not add them up. Totals over several events count each death once: a part's " +
                         "figures are left out when a whole in the same total has figures of its own.")
            .Resolve(c => c.Loaders().SharesDeaths(c.Source.EventId, c.Source.Summary.Estimate.HasFigures));
    }
}
