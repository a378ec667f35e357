using System.Reflection;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictGraph.Api.Tests.Infrastructure;

/// <summary>Whether the stalling store stalls now, and when its stalled read started and saw its token fire.</summary>
public sealed class Stall
{
    public volatile bool Armed;

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
/// The real store, except that once armed, <c>stats</c> never answers until its token fires: a
/// stand-in for a read that runs far too long. Every other call goes through unchanged, whatever
/// the interface grows to hold.
/// </summary>
public class StallingStore : DispatchProxy
{
    private IGraphStore inner = null!;
    private Stall stall = null!;

    /// <summary>Wraps the registered store of a test host in a stalling one.</summary>
    public static void Install(IServiceCollection services, Stall stall)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IGraphStore));
        services.Remove(registered);
        services.AddSingleton(provider =>
        {
            var proxy = Create<IGraphStore, StallingStore>();
            var self = (StallingStore)(object)proxy;
            self.inner = (IGraphStore)registered.ImplementationFactory!(provider);
            self.stall = stall;
            return proxy;
        });
    }

    protected override object? Invoke(MethodInfo? method, object?[]? args)
    {
        if (method!.Name == nameof(IGraphStore.GetStatsAsync) && stall.Armed) return stall.NeverAsync((CancellationToken)args![0]!);
        try
        {
            return method.Invoke(inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}
