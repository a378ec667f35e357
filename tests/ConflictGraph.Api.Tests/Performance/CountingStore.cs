using System.Collections.Concurrent;
using System.Reflection;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Api.Tests.Performance;

/// <summary>
/// Passes every call on to a real store, counting calls per operation; reads can be held at a
/// gate until the test opens it, so callers pile up while one call is in flight.
/// </summary>
public class CountingStore : DispatchProxy
{
    private IGraphStore inner = null!;
    private readonly ConcurrentDictionary<string, int> calls = new();
    private TaskCompletionSource? gate;

    public static (IGraphStore Store, CountingStore Counter) Wrap(IGraphStore inner)
    {
        var proxy = Create<IGraphStore, CountingStore>();
        var counter = (CountingStore)(object)proxy;
        counter.inner = inner;
        return (proxy, counter);
    }

    public int Calls(string operation) => calls.GetValueOrDefault(operation);

    /// <summary>Holds every read until <see cref="Open"/>.</summary>
    public void Close() => gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => gate?.TrySetResult();

    /// <summary>The next reads fail with this error.</summary>
    public Exception? Failure { get; set; }

    protected override object? Invoke(MethodInfo? method, object?[]? args)
    {
        calls.AddOrUpdate(method!.Name, 1, (_, n) => n + 1);
        var result = method.Invoke(inner, args);
        var isRead = method.Name is not (nameof(IGraphStore.ImportAsync) or nameof(IGraphStore.DeleteNodeAsync) or nameof(IGraphStore.GetDataVersionAsync));
        if (!isRead || result is not Task task) return result;
        var held = gate?.Task ?? Task.CompletedTask;
        var failure = Failure;
        var token = args!.OfType<CancellationToken>().LastOrDefault();
        // Same result type as the real call: wait at the gate (or until cancelled), then hand over the real task.
        return typeof(CountingStore).GetMethod(nameof(After), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(method.ReturnType.GetGenericArguments()[0]).Invoke(null, [held, task, failure, token]);
    }

    private static async Task<T> After<T>(Task held, Task task, Exception? failure, CancellationToken token)
    {
        await held.WaitAsync(token);
        if (failure is not null) throw failure;
        return await (Task<T>)task;
    }
}
