using GraphQL.DataLoader;

namespace ConflictGraph.Api.Loading;

/// <summary>
/// Collects the keys every resolver of a query level asks for, then fetches them all with one
/// call when the executor first needs a value. Every key of a batch awaits the batch's one task,
/// so a failed fetch fails every field that asked, never leaving some with null or an empty list.
/// Values are kept for the rest of the request.
/// </summary>
public sealed class BatchLoader<TKey, TValue>(
    Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch, TValue missing) where TKey : notnull
{
    private readonly Lock sync = new();
    private readonly List<TKey> pending = [];
    private readonly HashSet<TKey> queued = [];
    private readonly Dictionary<TKey, Task<IReadOnlyDictionary<TKey, TValue>>> batches = [];

    /// <summary>Forgets what was loaded, so a long-lived request (a subscription) reads fresh data for its next event.</summary>
    public void Reset()
    {
        lock (sync)
        {
            foreach (var key in batches.Where(b => b.Value.IsCompleted).Select(b => b.Key).ToList()) batches.Remove(key);
        }
    }

    public IDataLoaderResult<TValue> Load(TKey key)
    {
        lock (sync)
        {
            if (!batches.ContainsKey(key) && queued.Add(key)) pending.Add(key);
        }
        return new Pending(this, key);
    }

    private async Task<TValue> GetAsync(TKey key, CancellationToken cancellationToken)
    {
        Task<IReadOnlyDictionary<TKey, TValue>>? batch;
        lock (sync)
        {
            if (!batches.TryGetValue(key, out batch))
            {
                // Dispatch everything asked for so far as one batch, shared by all its keys.
                TKey[] keys = [.. pending, .. queued.Contains(key) ? [] : new[] { key }];
                pending.Clear();
                queued.Clear();
                batch = fetch(keys, cancellationToken);
                foreach (var k in keys) batches[k] = batch;
            }
        }
        var values = await batch;
        return values.TryGetValue(key, out var value) ? value : missing;
    }

    private sealed class Pending(BatchLoader<TKey, TValue> loader, TKey key) : IDataLoaderResult<TValue>
    {
        public Task<TValue> GetResultAsync(CancellationToken cancellationToken = default) => loader.GetAsync(key, cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}

public static class DataLoaderResults
{
    /// <summary>
    /// The loaded value, shaped for the field, without another round trip. Shaping an already shaped value composes the
    /// two maps into one step, so a chain of them costs the executor one wait, not one per step.
    /// </summary>
    public static IDataLoaderResult<TResult> Then<T, TResult>(this IDataLoaderResult<T> result, Func<T, TResult> map) =>
        result is IMapped<T> mapped ? mapped.Then(map) : new Mapped<T, TResult>(result, map);

    /// <summary>
    /// A second load that needs the first one's value (a statement's speaker, an event's relatives). The
    /// executor gets the second load back and waits for it with the rest of its level, so siblings still
    /// share one store call per step. Composing the result further (Then) waits for it directly.
    /// </summary>
    public static IDataLoaderResult<TResult> ThenLoad<T, TResult>(this IDataLoaderResult<T> result, Func<T, IDataLoaderResult<TResult>> next) =>
        new Chained<T, TResult>(result, next);

    /// <summary>Two loads queued together, so one fetch serves both.</summary>
    public static IDataLoaderResult<(T1, T2)> And<T1, T2>(this IDataLoaderResult<T1> first, IDataLoaderResult<T2> second) =>
        new Chained<T1, (T1, T2)>(first, a => second.Then(b => (a, b)));

    private sealed class Chained<T, TResult>(IDataLoaderResult<T> inner, Func<T, IDataLoaderResult<TResult>> next) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) =>
            await next(await inner.GetResultAsync(cancellationToken)).GetResultAsync(cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => next(await inner.GetResultAsync(cancellationToken));
    }

    private interface IMapped<out T>
    {
        IDataLoaderResult<TNext> Then<TNext>(Func<T, TNext> next);
    }

    private sealed class Mapped<T, TResult>(IDataLoaderResult<T> inner, Func<T, TResult> map) : IDataLoaderResult<TResult>, IMapped<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) => map(await inner.GetResultAsync(cancellationToken));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => map(await inner.GetResultAsync(cancellationToken));

        public IDataLoaderResult<TNext> Then<TNext>(Func<TResult, TNext> next) => new Mapped<T, TNext>(inner, value => next(map(value)));
    }
}
