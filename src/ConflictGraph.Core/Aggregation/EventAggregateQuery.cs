using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Core.Aggregation;

/// <summary>
/// Counts and casualty estimates of the events in <see cref="Events"/>, grouped by up to
/// <see cref="MaxDimensions"/> dimensions; the <see cref="First"/> largest groups are returned.
/// </summary>
/// <param name="Bucket">The time bucket of TIME groups, and what <c>impreciseEvents</c> measures against.</param>
/// <param name="PlaceLevel">The kind of the containing place a PLACE group stands for (a country, a region...).</param>
public sealed record EventAggregateQuery(
    EventSelection Events, IReadOnlyList<EventDimension> GroupBy, TimeBucket Bucket = TimeBucket.Month,
    PlaceKind PlaceLevel = PlaceKind.Country, int First = 100)
{
    public const int MaxDimensions = 3;

    /// <summary>The reasons this query cannot run, each naming the argument; empty when it can.</summary>
    public IEnumerable<string> Problems()
    {
        if (GroupBy.Count > MaxDimensions)
            yield return $"groupBy: {GroupBy.Count} dimensions given; group by at most {MaxDimensions}";
        foreach (var repeated in GroupBy.GroupBy(d => d).Where(g => g.Count() > 1))
            yield return $"groupBy: {EnumNames.Of(repeated.Key)} is given {repeated.Count()} times; give each dimension once";
        if (First < 0) yield return $"first: {First} is negative";
    }
}
