using ConflictGraph.Api.Loading;
using ConflictGraph.Api.Actors;
using ConflictGraph.Api.Facts;
using ConflictGraph.Api.Places;
using ConflictGraph.Api.Relations;
using ConflictGraph.Api.Schema;
using ConflictGraph.Api.Statements;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using GraphQL;
using GraphQL.Types;

namespace ConflictGraph.Api.Events;

public sealed class EventGraphType : ObjectGraphType<Event>
{
    /// <summary>How many statements <c>Event.statements</c> lists at most.</summary>
    public const int MaxStatements = 500;

    public EventGraphType()
    {
        Name = "Event";
        Description = "Something that happened: a strike, an attack, a killing, a political act.";
        Interface<NodeInterface>();
        IsTypeOf = NodeKeys.IsOfKind(NodeKind.Event);
        this.IdField();
        Field<NonNullGraphType<StringGraphType>>("title").ResolveSource(s => s.Title);
        Field<NonNullGraphType<EnumerationGraphType<EventKind>>>("kind").ResolveSource(s => s.EventKind);
        Field<StringGraphType>("description").ResolveSource(s => s.Description);
        Field<FuzzyDateGraphType>("date").ResolveSource(s => s.Date);
        Field<PlaceGraphType>("place").Description("Where it happened (OCCURRED_IN): the first of places.")
            .ResolveSource((c, s) => c.Loaders().Neighbor(s.Id, Direction.Outgoing, RelationType.OccurredIn));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlaceGraphType>>>>("places")
            .Description("Every place the event occurred in (OCCURRED_IN), e.g. sites on both sides of a border; by relation id.")
            .ResolveSource((c, s) => c.Loaders().Neighbors(s.Id, Direction.Outgoing, RelationType.OccurredIn));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ActorInterface>>>>("perpetrators").Description("Who carried it out (CARRIED_OUT), by any claim.")
            .ResolveSource((c, s) => c.Loaders().Neighbors(s.Id, Direction.Incoming, RelationType.CarriedOut));
        RelationList("authorizedBy", "Who authorized or ordered it (AUTHORIZED, incoming), with who says so.", Direction.Incoming, RelationType.Authorized);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("targets").Description("Actors or places (facilities, bases) the event was aimed at.")
            .ResolveSource((c, s) => c.Loaders().Neighbors(s.Id, Direction.Outgoing, RelationType.Targeted));
        Field<EventGraphType>("partOf").Description("The larger event this one belongs to.")
            .ResolveSource((c, s) => c.Loaders().Neighbor(s.Id, Direction.Outgoing, RelationType.PartOf));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EventGraphType>>>>("subEvents").Description("Events that are part of this one.")
            .ResolveSource((c, s) => c.Loaders().Neighbors(s.Id, Direction.Incoming, RelationType.PartOf));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PersonGraphType>>>>("killed").Description("Named people it killed (KILLED).")
            .ResolveSource((c, s) => c.Loaders().Neighbors(s.Id, Direction.Outgoing, RelationType.Killed));
        RelationList("retaliationFor", "Events this event retaliated against (RETALIATION_FOR, outgoing), with who claims so.", Direction.Outgoing, RelationType.RetaliationFor);
        RelationList("retaliatedBy", "Events that retaliated against this one (RETALIATION_FOR, incoming).", Direction.Incoming, RelationType.RetaliationFor);
        RelationList("respondsTo", "Events this one directly answered, e.g. return fire (RESPONSE_TO, outgoing).", Direction.Outgoing, RelationType.ResponseTo);
        RelationList("respondedBy", "Events that directly answered this one (RESPONSE_TO, incoming).", Direction.Incoming, RelationType.ResponseTo);
        Field<NonNullGraphType<CasualtySummaryGraphType>>("casualties").Description("Casualty figures as each source reported them, whether they conflict, and UCDP-style low, best and high estimates.")
            .Resolve(c => (ListsReports(c) ? c.Loaders().ListedCasualties(c.Source.Id) : c.Loaders().Casualties(c.Source.Id))
                .Then(reports => new EventCasualties(c.Source.Id, new CasualtySummary(reports))));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Codings.CodingGraphType>>>>("codings")
            .Description("This event's kind in external coding schemes (ACLED event and sub-event type, CAMEO, PLOVER), from one table; schemes where no code fits the kind are left out (see codingTable).")
            .Resolve(c => Core.Codings.CodingTable.For(c.Source.EventKind));
        this.FactsField();
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StatementGraphType>>>>("statements")
            .Description($"Statements about this event, oldest first (at most {MaxStatements}).")
            .Argument<ListGraphType<NonNullGraphType<EnumerationGraphType<Stance>>>>("stances", "Only statements with these stances.")
            .ResolveSource((c, s) => c.Loaders().Page(new NodeQuery
            {
                Kinds = [NodeKind.Statement], Order = NodeOrder.DateAsc,
                Statements = new StatementCriteria { AboutId = s.Id, Stances = c.ListArgument<Stance>("stances") },
            }, new PageRequest(MaxStatements, CountTotal: false, Listed: true)).Then(page => page.Items.Select(i => i.Item)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationGraphType>>>>("escalation")
            .Description("The chain of RETALIATION_FOR and RESPONSE_TO relations reachable from this event: BACKWARD to what provoked it, FORWARD to what answered it.")
            .Argument<EnumerationGraphType<ChainDirection>>("direction", a => a.DefaultValue = ChainDirection.Both)
            .Argument<IntGraphType>("maxDepth", "How many steps to follow, 1 to the configured maximum (default 20).", a => a.DefaultValue = 5)
            .Resolve(c =>
            {
                var depth = c.Limits().CheckEscalationDepth(c.GetArgument("maxDepth", 5));
                return c.Loaders().Escalation(c.Source.Id, c.GetArgument("direction", ChainDirection.Both), depth);
            });
        this.RelationsField();
    }

    /// <summary>True when the summary's <c>reports</c> are in the answer: then each report is an item of a list.</summary>
    private static bool ListsReports(IResolveFieldContext context) =>
        context.SubFields is { } selected && selected.Values.Any(field => field.FieldType.Name == "reports");

    private void RelationList(string name, string description, Direction direction, RelationType type) =>
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationGraphType>>>>(name).Description(description)
            .ResolveSource((c, s) => c.Loaders().Relations(s.Id, direction, type));
}
