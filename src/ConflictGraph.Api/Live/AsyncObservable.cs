namespace ConflictGraph.Api.Live;

/// <summary>An async stream as the IObservable GraphQL.NET's subscription execution takes.</summary>
public sealed class AsyncObservable<T>(Func<CancellationToken, IAsyncEnumerable<T>> source) : IObservable<T>
{
    public IDisposable Subscribe(IObserver<T> observer)
    {
        var cancel = new CancellationTokenSource();
        _ = PumpAsync(observer, cancel.Token);
        return new Subscription(cancel);
    }

    private async Task PumpAsync(IObserver<T> observer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in source(cancellationToken).WithCancellation(cancellationToken)) observer.OnNext(item);
            observer.OnCompleted();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            observer.OnError(e);
        }
    }

    private sealed class Subscription(CancellationTokenSource cancel) : IDisposable
    {
        public void Dispose()
        {
            cancel.Cancel();
            cancel.Dispose();
        }
    }
}
