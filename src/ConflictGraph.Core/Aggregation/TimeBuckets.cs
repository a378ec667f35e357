using System.Globalization;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Aggregation;

/// <summary>
/// Which time group a dated event falls in, and whether its date lies within that group. An event
/// is counted in the bucket of its start, never dropped and never spread over several buckets; when
/// its range reaches past the end of that bucket (a month-precise date in a day bucket, a week
/// spanning a month's end), it is counted as imprecise there. Stores compute the same in their query
/// language; the conformance suite holds them to these functions.
/// </summary>
public static class TimeBuckets
{
    /// <summary>The first day of the bucket holding <paramref name="day"/>; a week starts on its ISO Monday.</summary>
    public static DateOnly Start(TimeBucket bucket, DateOnly day) => bucket switch
    {
        TimeBucket.Day => day,
        TimeBucket.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        TimeBucket.Month => new DateOnly(day.Year, day.Month, 1),
        TimeBucket.Quarter => new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1),
        TimeBucket.Year => new DateOnly(day.Year, 1, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(bucket), bucket, null),
    };

    /// <summary>True when the whole range lies in the bucket of its start; an undated event never does.</summary>
    public static bool Holds(TimeBucket bucket, FuzzyDate? date) =>
        date is not null && Start(bucket, date.End) == Start(bucket, date.Start);

    /// <summary>The group value: the bucket's first day as an ISO date, e.g. 2021-06-01 for June 2021.</summary>
    public static string Value(TimeBucket bucket, DateOnly day) => InputText.FormatDate(Start(bucket, day));

    /// <summary>How a person reads the bucket starting on <paramref name="start"/>: 2021-06-27, 2021-W26, 2021-06, 2021-Q2, 2021.</summary>
    public static string Label(TimeBucket bucket, DateOnly start) => bucket switch
    {
        TimeBucket.Day => InputText.FormatDate(start),
        TimeBucket.Week => $"{ISOWeek.GetYear(start.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(start.ToDateTime(TimeOnly.MinValue)):D2}",
        TimeBucket.Month => start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        TimeBucket.Quarter => $"{start.Year:D4}-Q{(start.Month - 1) / 3 + 1}",
        TimeBucket.Year => start.Year.ToString("D4", CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(bucket), bucket, null),
    };
}
