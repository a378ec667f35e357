using ConflictGraph.Api.Loading;
using ConflictGraph.Api.Actors;
using ConflictGraph.Api.Paging;
using ConflictGraph.Api.Places;
using ConflictGraph.Api.Relations;
using ConflictGraph.Api.Search;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;
using GraphQL;
using GraphQL.Types;

namespace ConflictGraph.Api.Schema;

public sealed class QueryGraphType : ObjectGraphType
{
    public QueryGraphType()
    {
        Name = "Query";
        Description = "Reading the graph: any node by id, filtered and paged lists, search, retaliations, disputes, paths and counts.";
        Field<NodeInterface>("node").Description("Any node by its id; null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Loaders().Node(c.GetArgument<string>("id")));
        Field<NonNullGraphType<ListGraphType<NodeInterface>>>("nodes").Description("Nodes by id, in the order asked; null for an unknown id.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids")
            .Resolve(c =>
            {
                var ids = c.GetArgument<List<string>>("ids");
                if (ids.Count > c.Limits().MaxPageSize) throw ApiErrors.BadInput($"ids: {ids.Count} ids is more than the maximum {c.Limits().MaxPageSize}");
                var loaders = c.Loaders();
                return loaders.Nodes(ids).Then(found => ids.Select(id => found.FirstOrDefault(n => n.Id == id)).ToList());
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SearchHitGraphType>>>>("search")
            .Description("Full-text search over names, aliases, titles, descriptions and statement text; best first. Forgiving of case, diacritics and punctuation ('Kataib Hezbollah' finds \"Kata'ib Hezbollah\").")
            .Argument<NonNullGraphType<StringGraphType>>("text")
            .Argument<ListGraphType<NonNullGraphType<EnumerationGraphType<NodeKind>>>>("kinds")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 10)
            .ResolveAsync(async c => await c.Loaders().Store.SearchAsync(
                c.GetArgument<string>("text"), c.ListArgument<NodeKind>("kinds"), First(c, 10), c.CancellationToken));
        Field<NonNullGraphType<ActorConnectionType>>("actors").Description("People and organizations, by id.")
            .Argument<ActorFilterInput>("filter").Paged()
            .Resolve(c =>
            {
                var f = new FilterValues(c.GetArgument<Dictionary<string, object?>?>("filter"));
                var kinds = f.List<NodeKind>("kinds")?.Where(k => k is NodeKind.Person or NodeKind.Organization).ToList();
                return c.Loaders().Page(new NodeQuery
                {
                    Kinds = kinds ?? [NodeKind.Person, NodeKind.Organization], Text = f.Text("text"), OrganizationKinds = f.List<OrganizationKind>("organizationKinds"),
                }, c.Page());
            });
        Field<NonNullGraphType<PlaceConnectionType>>("places").Description("Places, by id.")
            .Argument<PlaceFilterInput>("filter").Paged()
            .Resolve(c =>
            {
                var f = new FilterValues(c.GetArgument<Dictionary<string, object?>?>("filter"));
                return c.Loaders().Page(new NodeQuery
                {
                    Kinds = [NodeKind.Place], Text = f.Text("text"), PlaceKinds = f.List<PlaceKind>("kinds"), WithinPlaceId = f.Id("withinId"),
                }, c.Page());
            });
        Field<NonNullGraphType<EventConnectionType>>("events").Description("Events, by date.")
            .Argument<EventFilterInput>("filter")
            .Argument<EnumerationGraphType<EventOrder>>("orderBy", a => a.DefaultValue = EventOrder.DateAsc).Paged()
            .Resolve(c =>
            {
                var f = new FilterValues(c.GetArgument<Dictionary<string, object?>?>("filter"));
                return c.Loaders().Page(new NodeQuery
                {
                    Kinds = [NodeKind.Event], Text = f.Text("text"),
                    Order = c.GetArgument("orderBy", EventOrder.DateAsc) == EventOrder.DateDesc ? NodeOrder.DateDesc : NodeOrder.DateAsc,
                    Events = new EventCriteria
                    {
                        Kinds = f.List<EventKind>("kinds"), From = f.Date("from"), To = f.Date("to"),
                        PlaceId = f.Id("placeId"), PerpetratorId = f.Id("perpetratorId"), TargetId = f.Id("targetId"),
                    },
                }, c.Page());
            });
        Field<NonNullGraphType<StatementConnectionType>>("statements").Description("Statements, oldest first.")
            .Argument<StatementFilterInput>("filter").Paged()
            .Resolve(c =>
            {
                var f = new FilterValues(c.GetArgument<Dictionary<string, object?>?>("filter"));
                return c.Loaders().Page(new NodeQuery
                {
                    Kinds = [NodeKind.Statement], Text = f.Text("text"), Order = NodeOrder.DateAsc,
                    Statements = new StatementCriteria
                    {
                        SpeakerId = f.Id("speakerId"), OrganizationId = f.Id("organizationId"), AboutId = f.Id("aboutId"),
                        Stances = f.List<Stance>("stances"), SourceId = f.Id("sourceId"),
                    },
                }, c.Page());
            });
        Field<NonNullGraphType<SourceConnectionType>>("sources").Description("Sources, by id.").Paged()
            .Resolve(c => c.Loaders().Page(new NodeQuery { Kinds = [NodeKind.Source] }, c.Page()));
        Field<NonNullGraphType<RelationConnectionType>>("relations").Description("Relations, by id.")
            .Argument<RelationFilterInput>("filter").Paged()
            .ResolveAsync(async c =>
            {
                var f = new FilterValues(c.GetArgument<Dictionary<string, object?>?>("filter"));
                return await FindRelationsAsync(c, new RelationQuery
                {
                    Types = f.List<RelationType>("types"), FromId = f.Id("fromId"), ToId = f.Id("toId"),
                    Statuses = f.List<ClaimStatus>("statuses"), ClaimedByActorId = f.Id("claimedById"),
                });
            });
        Field<NonNullGraphType<RelationConnectionType>>("retaliations").Description("Every RETALIATION_FOR relation: who struck back, at what, and who says so.")
            .Argument<RetaliationFilterInput>("filter").Paged()
            .ResolveAsync(async c =>
            {
                var f = new FilterValues(c.GetArgument<Dictionary<string, object?>?>("filter"));
                return await FindRelationsAsync(c, new RelationQuery
                {
                    Types = [RelationType.RetaliationFor], FromPerpetratorId = f.Id("byActorId"), ToPerpetratorId = f.Id("againstActorId"),
                    FromDate = f.Date("from"), ToDate = f.Date("to"),
                });
            });
        Field<NonNullGraphType<RelationConnectionType>>("disputes").Description("Relations that statements both claim and dispute, or only dispute.").Paged()
            .ResolveAsync(async c => await FindRelationsAsync(c, new RelationQuery { Statuses = [ClaimStatus.Disputed, ClaimStatus.Denied] }));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PathGraphType>>>>("paths")
            .Description("Shortest connections between two nodes, over any relation type, ignoring direction; shortest first.")
            .Argument<NonNullGraphType<IdGraphType>>("fromId").Argument<NonNullGraphType<IdGraphType>>("toId")
            .Argument<IntGraphType>("maxDepth", a => a.DefaultValue = 4).Argument<IntGraphType>("first", a => a.DefaultValue = 3)
            .ResolveAsync(async c =>
            {
                var depth = c.GetArgument("maxDepth", 4);
                var max = c.Limits().MaxPathDepth;
                if (depth < 1 || depth > max) throw ApiErrors.BadInput($"maxDepth: {depth} is outside 1..{max}");
                return await c.Loaders().Store.FindPathsAsync(c.GetArgument<string>("fromId"), c.GetArgument<string>("toId"), depth, First(c, 3), c.CancellationToken);
            });
        Field<NonNullGraphType<GraphStatsGraphType>>("stats").Description("How many nodes and relations the graph holds.")
            .ResolveAsync(async c => await c.Loaders().Store.GetStatsAsync(c.CancellationToken));
    }

    private static int First(IResolveFieldContext context, int fallback)
    {
        var first = context.GetArgument("first", fallback);
        var max = context.Limits().MaxPageSize;
        if (first < 0 || first > max) throw ApiErrors.BadInput($"first: {first} is outside 0..{max}");
        return first;
    }

    private static async Task<Page<Relation>> FindRelationsAsync(IResolveFieldContext context, RelationQuery query)
    {
        try
        {
            return await context.Loaders().Store.FindRelationsAsync(query, context.Page(), context.CancellationToken);
        }
        catch (InvalidCursorException e)
        {
            throw ApiErrors.BadInput($"after: {e.Message}");
        }
    }
}
