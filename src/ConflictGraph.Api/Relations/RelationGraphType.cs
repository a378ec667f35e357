using ConflictGraph.Api.Actors;
using ConflictGraph.Api.Claims;
using ConflictGraph.Api.History;
using ConflictGraph.Api.Loading;
using ConflictGraph.Api.Schema;
using ConflictGraph.Api.Statements;
using ConflictGraph.Core.Model;
using GraphQL.Types;

namespace ConflictGraph.Api.Relations;

public sealed class RelationGraphType : ObjectGraphType<Relation>
{
    public RelationGraphType()
    {
        Name = "Relation";
        Description = "A typed edge between two nodes, with the statements that claim and dispute it.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("'from-[TYPE]->to'; stable for the same triple.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<EnumerationGraphType<RelationType>>>("type").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<NodeInterface>>("from").Resolve(c => c.Loaders().Node(c.Source.FromId));
        Field<NonNullGraphType<NodeInterface>>("to").Resolve(c => c.Loaders().Node(c.Source.ToId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StatementGraphType>>>>("claimedBy").Description("Statements that claim it.")
            .Resolve(c => ClaimLists.Statements(c, c.Source.Claims, ClaimPosition.Claims));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StatementGraphType>>>>("disputedBy").Description("Statements that dispute it.")
            .Resolve(c => ClaimLists.Statements(c, c.Source.Claims, ClaimPosition.Disputes));
        Field<NonNullGraphType<EnumerationGraphType<ClaimStatus>>>("status").Description("Follows from the claims and disputes.").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClaimGraphType>>>>("claims")
            .Description("Every claim with its position and the speaker's own characterization ('retaliation', 'defensive'), by statement id.")
            .Resolve(c => c.Source.Claims);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ActorInterface>>>>("claimingParties")
            .Description("The distinct parties behind the claims (not the disputes): the organization each claimer spoke for, else the organization of the " +
                         "speaker's role at the time or the one the speaker is a member of, else the speaker. Three Pentagon voices are one party; an " +
                         "anonymous statement made for no organization adds none.")
            .Resolve(c => c.Loaders().ClaimingPartiesOf(c.Source.ClaimedBy));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<HistoryEntryGraphType>>>>("history")
            .Description("Every change to this relation and its claims, oldest first (created, claims added, changed and withdrawn).")
            .Resolve(c => c.Loaders().History(c.Source.Id));
    }
}

public sealed class PathGraphType : ObjectGraphType<GraphPath>
{
    public PathGraphType()
    {
        Name = "Path";
        Description = "A chain of relations from one node to another.";
        Field<NonNullGraphType<IntGraphType>>("length").Description("How many relations it takes.").Resolve(c => c.Source.Length);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("nodes").Description("The nodes in order, both ends included.")
            .Resolve(c => NodeKeys.ListAsksKeysOnly(c) ? c.Loaders().Keys(c.Source.NodeIds) : c.Loaders().Nodes(c.Source.NodeIds));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationGraphType>>>>("relations").Description("The relations in order.").Resolve(c => c.Source.Relations);
    }
}
