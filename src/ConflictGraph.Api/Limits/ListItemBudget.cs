using System.Globalization;
using ConflictGraph.Api.Schema;
using GraphQL;
using GraphQL.Execution;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Limits;

/// <summary>The error a query stopped by <see cref="RequestLimits.MaxListItems"/> answers with; its code is QUERY_TOO_COMPLEX.</summary>
public sealed class ListItemsError(long items, int allowed) : ExecutionError(string.Create(CultureInfo.InvariantCulture,
    $"the operation was stopped: its answer's lists held {items:N0} items, more than the {allowed:N0} allowed ({RequestLimits.Section}:MaxListItems); ")
    + "a list without `first` (a node's relations, an event's statements) can be longer than its estimate, so ask for a smaller `first`, "
    + "fewer nested lists, or page that list's items from a connection with `after`");

/// <summary>
/// Queries run by GraphQL.NET's parallel strategy, counting the items of every list the answer holds
/// (<see cref="GraphRequestContext.ListItems"/>). The cost estimate cannot know how long a list without
/// <c>first</c> is in fact (a hub's relations grow with the graph); past <see cref="RequestLimits.MaxListItems"/>
/// the operation stops at once: nothing below that list is read, the store calls already under way are waited for,
/// and the answer is one error and no data. The list that crossed the limit has been read by then, so the work done
/// is the budget plus that one list's store call (which this does not bound).
/// </summary>
public sealed class ListItemBudget(IOptions<RequestLimits> limits) : ParallelExecutionStrategy
{
    private sealed class Exceeded(long items, int allowed) : Exception
    {
        public ListItemsError Error { get; } = new(items, allowed) { Code = ApiErrors.QueryTooComplex };
    }

    public override async Task<ExecutionResult> ExecuteAsync(GraphQL.Execution.ExecutionContext context)
    {
        try
        {
            return await base.ExecuteAsync(context);
        }
        catch (Exceeded exceeded)
        {
            return new ExecutionResult { Executed = true, Errors = [exceeded.Error] };
        }
    }

    protected override async Task SetArrayItemNodesAsync(GraphQL.Execution.ExecutionContext context, ArrayExecutionNode parent)
    {
        await base.SetArrayItemNodesAsync(context, parent);
        if (context.UserContext is not GraphRequestContext request) return;
        var items = parent.Items?.Count ?? (parent.Result as System.Collections.ICollection)?.Count ?? 0;
        var total = Interlocked.Add(ref request.ListItems, items);
        var allowed = limits.Value.MaxListItems;
        if (total > allowed) throw new Exceeded(total, allowed);
    }

    // The budget's stop is not one field's error: it leaves every resolver the way cancellation does.
    protected override Task<bool> ProcessNodeUnhandledExceptionAsync(GraphQL.Execution.ExecutionContext context, ExecutionNode node, Exception ex) =>
        ex is Exceeded ? Task.FromResult(true) : base.ProcessNodeUnhandledExceptionAsync(context, node, ex);
}
