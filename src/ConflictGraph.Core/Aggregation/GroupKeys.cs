using ConflictGraph.Core.Codings;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Aggregation;

/// <summary>
/// The keys of aggregate groups, made alike by every store from the raw value it grouped on. An
/// event with no value in a dimension (undated, no perpetrator named, in no place of the level, a
/// kind ACLED has no event type for) is counted in that dimension's <see cref="None"/> group, so
/// the groups of one dimension always add up to the total.
/// </summary>
public static class GroupKeys
{
    /// <summary>The value of the group of events that have none in the dimension.</summary>
    public const string None = "";

    /// <summary>A TIME key; <paramref name="start"/> is the bucket's first day, null for undated events.</summary>
    public static GroupKey Time(TimeBucket bucket, DateOnly? start) => start is { } day
        ? new GroupKey(EventDimension.Time, InputText.FormatDate(TimeBuckets.Start(bucket, day)), TimeBuckets.Label(bucket, TimeBuckets.Start(bucket, day)))
        : new GroupKey(EventDimension.Time, None, "undated");

    public static GroupKey Kind(EventKind kind) =>
        new(EventDimension.Kind, EnumNames.Of(kind), EnumNames.Of(kind).Replace('_', ' ').ToLowerInvariant());

    /// <summary>The ACLED event type code of each event kind the coding table has one for (kind name to code).</summary>
    public static IReadOnlyDictionary<string, string> AcledEventTypes { get; } = CodingTable.Rows
        .Where(r => r.Subject == CodingRow.EventSubject && r.Scheme == CodingTable.AcledEventType && r.Code is not null)
        .ToDictionary(r => r.Value, r => r.Code!, StringComparer.Ordinal);

    /// <summary>An ACLED_EVENT_TYPE key from the code the coding table gives an event kind; <see cref="None"/> when none fits.</summary>
    public static GroupKey AcledEventType(string code)
    {
        if (code == None) return new GroupKey(EventDimension.AcledEventType, None, "no ACLED event type fits the kind");
        var label = CodingTable.Rows.First(r => r.Scheme == CodingTable.AcledEventType && r.Code == code).Label;
        return new GroupKey(EventDimension.AcledEventType, code, label);
    }

    /// <summary>A PLACE, PERPETRATOR or TARGET key: the node's id and label, or <see cref="None"/>.</summary>
    public static GroupKey Node(EventDimension dimension, string nodeId, string? label, PlaceKind placeLevel) => nodeId == None
        ? new GroupKey(dimension, None, dimension switch
        {
            EventDimension.Place => $"in no place of kind {EnumNames.Of(placeLevel)}",
            EventDimension.Perpetrator => "no perpetrator named",
            EventDimension.Target => "no target named",
            _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "not a node dimension"),
        })
        : new GroupKey(dimension, nodeId, label ?? nodeId, nodeId);

    /// <summary>
    /// The key of a group a store read back: <paramref name="value"/> as the store grouped on it (a bucket's
    /// first day as an ISO date, a kind's or code's name, a node id, or <see cref="None"/>) and, for node
    /// dimensions, the node's label.
    /// </summary>
    public static GroupKey Read(EventDimension dimension, string value, string? label, TimeBucket bucket, PlaceKind placeLevel) => dimension switch
    {
        EventDimension.Time => Time(bucket, value == None ? null : InputText.ParseDate(value)),
        EventDimension.Kind => Kind(EnumNames.Parse<EventKind>(value)),
        EventDimension.AcledEventType => AcledEventType(value),
        _ => Node(dimension, value, label, placeLevel),
    };

    /// <summary>True for the dimensions whose keys are nodes.</summary>
    public static bool IsNode(EventDimension dimension) =>
        dimension is EventDimension.Place or EventDimension.Perpetrator or EventDimension.Target;
}
