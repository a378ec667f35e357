using ConflictGraph.Api.Loading;
using ConflictGraph.Api.Relations;
using ConflictGraph.Api.Schema;
using ConflictGraph.Core.Model;
using GraphQL.Types;

namespace ConflictGraph.Api.Live;

public sealed class NodeChangeGraphType : ObjectGraphType<NodeChange>
{
    public NodeChangeGraphType()
    {
        Name = "NodeChange";
        Description = "A node a write created, updated or deleted.";
        Field<NonNullGraphType<EnumerationGraphType<ChangeKind>>>("change").Resolve(c => c.Source.Change);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<EnumerationGraphType<NodeKind>>>("kind").Resolve(c => c.Source.Kind);
        Field<NodeInterface>("node").Description("The node as it is now; null once deleted.").Resolve(c => c.Loaders().Node(c.Source.Id));
    }
}

public sealed class RelationChangeGraphType : ObjectGraphType<RelationChange>
{
    public RelationChangeGraphType()
    {
        Name = "RelationChange";
        Description = "A relation a write created, updated (a new claim or dispute) or deleted.";
        Field<NonNullGraphType<EnumerationGraphType<ChangeKind>>>("change").Resolve(c => c.Source.Change);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<EnumerationGraphType<RelationType>>>("type").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<IdGraphType>>("fromId").Resolve(c => c.Source.FromId);
        Field<NonNullGraphType<IdGraphType>>("toId").Resolve(c => c.Source.ToId);
        Field<RelationGraphType>("relation").Description("The relation with its claims as it is now; null once deleted.")
            .Resolve(c => c.Loaders().Relations(c.Source.FromId, Direction.Outgoing, c.Source.Type)
                .Then(found => found.FirstOrDefault(r => r.ToId == c.Source.ToId)));
    }
}

public sealed class GraphChangesGraphType : ObjectGraphType<GraphChanges>
{
    public GraphChangesGraphType()
    {
        Name = "GraphChangeSet";
        Description = "What one committed write changed (as far as the subscription's filter lets through), read from the change log.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeChangeGraphType>>>>("nodes").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationChangeGraphType>>>>("relations").Resolve(c => c.Source.Relations);
        Field<NonNullGraphType<StringGraphType>>("cursor")
            .Description("The change-log cursor after this write: resubscribe with `graphChanged(after:)` this cursor to miss nothing; `history(after:)` takes it too.")
            .Resolve(c => c.Source.CursorText);
        Field<NonNullGraphType<IdGraphType>>("batchId")
            .Description("The write this change set is (an importGraph call, a CLI import, a deletion, a withdrawal), as `history` and `ImportResult.batchId` name it.")
            .Resolve(c => c.Source.BatchId);
    }
}
