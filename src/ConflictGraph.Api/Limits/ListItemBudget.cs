using System.Globalization;
using ConflictGraph.Api.Loading;
using ConflictGraph.Api.Schema;
using ConflictGraph.Core.Store;
using GraphQL;
using GraphQL.Execution;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Limits;

/// <summary>The error a query stopped by <see cref="RequestLimits.MaxListItems"/> answers with; its code is QUERY_TOO_COMPLEX.</summary>
public sealed class ListItemsError(string held, int allowed) : ExecutionError(string.Create(CultureInfo.InvariantCulture,
    $"the operation was stopped: its answer's lists {held}, more than the {allowed:N0} allowed ({RequestLimits.Section}:MaxListItems); ")
    + "a list without `first` (a node's relations, an event's statements) can be longer than its estimate, so ask for a smaller `first`, "
    + "fewer nested lists, or page that list's items from a connection with `after`")
{
    /// <summary>Stopped once the lists held <paramref name="items"/> items.</summary>
    public ListItemsError(long items, int allowed) : this(string.Create(CultureInfo.InvariantCulture, $"held {items:N0} items"), allowed)
    {
    }

    /// <summary>Stopped by a store read that found more relations than the items left (<see cref="RowCap"/>): how many it did not read.</summary>
    public static ListItemsError Unread(int allowed) => new("would have held more items than that level's read was let find", allowed);
}

/// <summary>
/// Queries run by GraphQL.NET's parallel strategy, counting the items of every list the answer holds
/// (<see cref="GraphRequestContext.ListItems"/>). The cost estimate cannot know how long a list without
/// <c>first</c> is in fact (a hub's relations grow with the graph): each level's relation reads are capped by the
/// items left (<see cref="GraphRequestContext.RowCap"/>), so a store stops reading a level whose lists could no longer
/// fit; and past <see cref="RequestLimits.MaxListItems"/> the operation stops at once. Either way nothing below is read,
/// the store calls still under way are cancelled the way the deadline cancels them, and the answer is one error and
/// no data.
/// </summary>
public sealed class ListItemBudget(IOptions<RequestLimits> limits) : ParallelExecutionStrategy
{
    private sealed class Exceeded : Exception;

    public override async Task<ExecutionResult> ExecuteAsync(GraphQL.Execution.ExecutionContext context)
    {
        if (context.UserContext is not GraphRequestContext request) return await base.ExecuteAsync(context);
        request.ListItemsAllowed = limits.Value.MaxListItems;
        if (context.RequestServices?.GetService(typeof(GraphLoaders)) is GraphLoaders loaders)
        {
            loaders.Budget = request;
            request.Loaders = loaders;
        }
        // The stop cancels this token, which the resolvers and the store calls they made run under (and the deadline's with it).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        context.CancellationToken = stop.Token;
        request.ListItemsStop = stop;
        try
        {
            var result = await base.ExecuteAsync(context);
            return request.ListItemsStopped is { } error ? Stopped(error) : result;
        }
        catch (Exception) when (request.ListItemsStopped is { } error)
        {
            return Stopped(error);
        }
    }

    private static ExecutionResult Stopped(ListItemsError error) => new() { Executed = true, Errors = [error] };

    protected override async Task SetArrayItemNodesAsync(GraphQL.Execution.ExecutionContext context, ArrayExecutionNode parent)
    {
        await base.SetArrayItemNodesAsync(context, parent);
        if (context.UserContext is not GraphRequestContext request) return;
        var items = parent.Items?.Count ?? (parent.Result as System.Collections.ICollection)?.Count ?? 0;
        var total = Interlocked.Add(ref request.ListItems, items);
        var allowed = limits.Value.MaxListItems;
        if (total <= allowed) return;
        Stop(request, new ListItemsError(total, allowed));
        throw new Exceeded();
    }

    // The budget's stop is not one field's error: it leaves every resolver the way cancellation does.
    protected override Task<bool> ProcessNodeUnhandledExceptionAsync(GraphQL.Execution.ExecutionContext context, ExecutionNode node, Exception ex)
    {
        if (ex is RowCapExceededException && context.UserContext is GraphRequestContext request)
            Stop(request, ListItemsError.Unread(limits.Value.MaxListItems));
        return ex is Exceeded or RowCapExceededException ? Task.FromResult(true) : base.ProcessNodeUnhandledExceptionAsync(context, node, ex);
    }

    /// <summary>The first stop's error is the answer, and it cancels what the query has under way.</summary>
    private static void Stop(GraphRequestContext request, ListItemsError error)
    {
        error.Code = ApiErrors.QueryTooComplex;
        if (Interlocked.CompareExchange(ref request.ListItemsStopped, error, null) is null) request.ListItemsStop?.Cancel();
    }
}
