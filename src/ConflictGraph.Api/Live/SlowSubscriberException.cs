namespace ConflictGraph.Api.Live;

/// <summary>Raised into a subscriber's stream when it fell so far behind that changes had to be dropped.</summary>
public sealed class SlowSubscriberException(int buffered)
    : Exception($"the subscriber fell {buffered} change sets behind and was disconnected; resubscribe with after: the last cursor received to resume")
{
    public const string Code = "SLOW_CONSUMER";
}
