using ConflictGraph.Core.Rules;

namespace ConflictGraph.Core.Aggregation;

/// <summary>One group's key in one dimension; make it with <see cref="GroupKeys"/>.</summary>
/// <param name="Value">A bucket's first day, an enum value, a code or a node id; <see cref="GroupKeys.None"/> for events with none.</param>
/// <param name="NodeId">The place or actor, for PLACE, PERPETRATOR and TARGET groups that have one.</param>
public sealed record GroupKey(Model.EventDimension Dimension, string Value, string Label, string? NodeId = null);

/// <summary>
/// The measures of a set of events: how many, how many dated more loosely than the bucket, how
/// many have a disputed or denied relation or fact, and the killed estimate of the set with each
/// death counted once (<see cref="SharedDeaths"/>).
/// </summary>
public sealed record EventGroup(IReadOnlyList<GroupKey> Keys, int Events, int ImpreciseEvents, int DisputedEvents, CasualtyEstimate Killed);

/// <summary>The groups, largest first then by key, and every matching event counted once.</summary>
public sealed record EventAggregate(IReadOnlyList<EventGroup> Groups, EventGroup Total)
{
    /// <summary>Groups largest first, then by their keys' values in dimension order (ordinal).</summary>
    public static readonly IComparer<EventGroup> Order = Comparer<EventGroup>.Create((a, b) =>
    {
        var bySize = b.Events.CompareTo(a.Events);
        if (bySize != 0) return bySize;
        for (var i = 0; i < Math.Min(a.Keys.Count, b.Keys.Count); i++)
        {
            var byKey = string.CompareOrdinal(a.Keys[i].Value, b.Keys[i].Value);
            if (byKey != 0) return byKey;
        }
        return 0;
    });
}
