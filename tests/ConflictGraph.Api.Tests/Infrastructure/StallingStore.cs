using System.Reflection;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictGraph.Api.Tests.Infrastructure;

/// <summary>Whether the stalling store stalls now, and when its stalled read started and saw its token fire.</summary>
public sealed class Stall
{
    public volatile bool Armed;

    /// <summary>When set, batched node and relation reads (ExpandAsync) fail.</summary>
    public volatile bool FailExpand;

    /// <summary>When set, the store's data version cannot be read: the store is gone.</summary>
    public volatile bool Gone;

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Stopped { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Never answers: waits for the token, and records that it fired.</summary>
    public async Task<GraphStats> NeverAsync(CancellationToken cancellationToken)
    {
        Started.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        finally
        {
            Stopped.TrySetResult();
        }
        throw new InvalidOperationException("unreachable");
    }
}

/// <summary>
/// The real store, except as the test's <see cref="Stall"/> says: once armed, <c>stats</c> never
/// answers until its token fires (a read that runs far too long); batched reads can be made to
/// fail, and the store to vanish. Every other call goes through unchanged, whatever the interface
/// grows to hold.
/// </summary>
public class StallingStore : StoreProxy
{
    private Stall stall = null!;

    /// <summary>Wraps the registered store of a test host in a stalling one.</summary>
    public static void Install(IServiceCollection services, Stall stall) => Install<StallingStore>(services, self => self.stall = stall);

    protected override object? Invoke(MethodInfo? method, object?[]? args)
    {
        if (method!.Name == nameof(IGraphStore.GetStatsAsync) && stall.Armed) return stall.NeverAsync((CancellationToken)args![0]!);
        if (method.Name == nameof(IGraphStore.ExpandAsync) && stall.FailExpand)
            return Task.FromException<Neighborhood>(new StoreUnavailableException("the test store failed this read"));
        if (method.Name == nameof(IGraphStore.GetDataVersionAsync) && stall.Gone)
            return Task.FromException<long>(new StoreUnavailableException("the database file at /secret/path/graph.db is gone"));
        return Forward(method, args);
    }
}
