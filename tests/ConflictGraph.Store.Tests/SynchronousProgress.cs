namespace ConflictGraph.Store.Tests;

/// <summary>
/// Progress reported on the caller's own thread, at the moment it is reported. <see cref="Progress{T}"/> posts each report
/// to the thread pool, so a test that stops an import or a migration at a report would stop it some time later.
/// </summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
