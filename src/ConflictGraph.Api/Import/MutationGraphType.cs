using ConflictGraph.Api.History;
using ConflictGraph.Api.Loading;
using ConflictGraph.Api.Live;
using ConflictGraph.Api.Schema;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using GraphQL;
using GraphQL.Types;

namespace ConflictGraph.Api.Import;

public sealed class MutationGraphType : ObjectGraphType
{
    public MutationGraphType()
    {
        Name = "Mutation";
        Description = "Writing the graph; every field needs a write key.";
        Field<NonNullGraphType<ImportResultGraphType>>("importGraph")
            .Description("Load a batch of nodes, relations and facts: validated as a whole (every problem named with its JSON path), then written all or nothing. Requires write access.")
            .Argument<NonNullGraphType<GraphInputType>>("input")
            .ResolveAsync(async c =>
            {
                var write = Writes.Require(c);
                var input = GraphInputArgument.Read(c.Arguments!["input"].Value);
                ImportResult result;
                try
                {
                    result = await GraphImporter.ImportAsync(input, c.Loaders().Store, write, c.CancellationToken);
                }
                catch (GraphValidationException e)
                {
                    // Every problem is its own error; the last one ends the field.
                    foreach (var problem in e.Problems.SkipLast(1)) c.Errors.Add(ApiErrors.BadInput(problem.ToString()));
                    throw ApiErrors.BadInput(e.Problems[^1].ToString());
                }
                WakeLiveUpdates(c);
                return result;
            });
        Field<NonNullGraphType<BooleanGraphType>>("deleteNode")
            .Description("Remove a node, its relations and every reference to it; false when there was no such node. Requires write access. " +
                         "The change log keeps what was removed.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c =>
            {
                var write = Writes.Require(c);
                if (!await c.Loaders().Store.DeleteNodeAsync(c.GetArgument<string>("id"), write, c.CancellationToken)) return false;
                WakeLiveUpdates(c);
                return true;
            });
        this.AddClaimWithdrawal();
    }

    /// <summary>Subscribers hear every write from the change log; this only spares them the wait for the next poll.</summary>
    internal static void WakeLiveUpdates(IResolveFieldContext context) =>
        context.RequestServices!.GetService<ChangeFeed>()?.Wake();
}

public sealed class ImportResultGraphType : ObjectGraphType<ImportResult>
{
    public ImportResultGraphType()
    {
        Name = "ImportResult";
        Description = "What an import did.";
        Field<NonNullGraphType<IntGraphType>>("created").Description("Nodes that did not exist before.").Resolve(c => c.Source.Created);
        Field<NonNullGraphType<IntGraphType>>("updated").Description("Existing nodes whose fields changed.").Resolve(c => c.Source.Updated);
        Field<NonNullGraphType<IntGraphType>>("unchanged").Description("Nodes given exactly as stored.").Resolve(c => c.Source.Unchanged);
        Field<NonNullGraphType<IntGraphType>>("relationsCreated").Description("Relations that did not exist before.").Resolve(c => c.Source.RelationsCreated);
        Field<NonNullGraphType<IntGraphType>>("relationsUpdated").Description("Existing relations that gained a claim or a dispute, or whose claim changed position or characterization.").Resolve(c => c.Source.RelationsUpdated);
        Field<NonNullGraphType<IntGraphType>>("factsCreated").Description("Facts that did not exist before.").Resolve(c => c.Source.FactsCreated);
        Field<NonNullGraphType<IntGraphType>>("factsUpdated").Description("Existing facts that gained a claim or whose claim changed.").Resolve(c => c.Source.FactsUpdated);
        Field<IdGraphType>("batchId").Description("The change-log batch of this write; null when it changed nothing.").Resolve(c => c.Source.BatchId);
    }
}
