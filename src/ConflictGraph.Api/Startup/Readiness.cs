namespace ConflictGraph.Api.Startup;

/// <summary>How far start-up got: opening and seeding the store. The store's health after that is checked live.</summary>
public sealed class Readiness
{
    private sealed record State(string Reason, string? Detail);

    private volatile State? problem = new("starting: opening the store", null);

    public bool IsReady => problem is null;

    /// <summary>Why the service is not ready, in words fit for anyone; null once it is.</summary>
    public string? Problem => problem?.Reason;

    /// <summary>What went wrong in full (paths, driver messages): for the log and for operators only.</summary>
    public string? Detail => problem?.Detail;

    public void Ready() => problem = null;

    public void NotReady(string reason, string? detail = null) => problem = new State(reason, detail);
}
