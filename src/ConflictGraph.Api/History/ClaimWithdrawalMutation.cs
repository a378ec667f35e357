using ConflictGraph.Api.Import;
using ConflictGraph.Api.Loading;
using ConflictGraph.Api.Schema;
using ConflictGraph.Core.History;
using ConflictGraph.Core.Store;
using GraphQL;
using GraphQL.Types;

namespace ConflictGraph.Api.History;

public static class ClaimWithdrawalMutation
{
    public static void AddClaimWithdrawal(this ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<BooleanGraphType>>("withdrawClaim")
            .Description("Withdraw one statement's position on a relation or fact (a retraction or a correction), recorded in history; the status " +
                         "follows from the claims left (a relation whose last claim goes is UNSOURCED). False when the statement held no position " +
                         "there. Give relationId or factId. Requires write access.")
            .Argument<NonNullGraphType<IdGraphType>>("statementId")
            .Argument<IdGraphType>("relationId")
            .Argument<IdGraphType>("factId")
            .ResolveAsync(async c =>
            {
                var write = Writes.Require(c);
                var withdrawal = new ClaimWithdrawal(c.GetArgument<string>("statementId"), c.GetArgument<string?>("relationId"), c.GetArgument<string?>("factId"));
                if (withdrawal.Problem is { } problem) throw ApiErrors.BadInput(problem);
                try
                {
                    var withdrawn = await c.Loaders().Store.WithdrawClaimAsync(withdrawal, write, c.CancellationToken);
                    if (withdrawn) MutationGraphType.WakeLiveUpdates(c);
                    return withdrawn;
                }
                catch (TargetNotFoundException e)
                {
                    throw ApiErrors.Error(ApiErrors.NotFound, $"{e.Message}; nothing was withdrawn");
                }
            });
}
