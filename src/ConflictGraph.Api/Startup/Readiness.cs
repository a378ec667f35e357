namespace ConflictGraph.Api.Startup;

/// <summary>Whether the service can answer: the store is open and, when asked for, seeded.</summary>
public sealed class Readiness
{
    private volatile string? problem = "starting: opening the store";

    public bool IsReady => problem is null;

    /// <summary>Why the service is not ready; null once it is.</summary>
    public string? Problem => problem;

    public void Ready() => problem = null;

    public void NotReady(string reason) => problem = reason;
}
