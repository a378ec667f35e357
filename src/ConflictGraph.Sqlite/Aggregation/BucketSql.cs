using ConflictGraph.Core.Aggregation;
using ConflictGraph.Core.Model;

namespace ConflictGraph.Sqlite.Aggregation;

/// <summary>
/// <see cref="TimeBuckets"/> in SQL over ISO date text columns: the bucket's first day, and whether
/// a row's date range lies in the bucket of its start. The conformance suite holds these to the core.
/// </summary>
internal static class BucketSql
{
    /// <summary>The first day of the bucket holding the date in <paramref name="column"/>, as ISO text.</summary>
    public static string Start(TimeBucket bucket, string column) => bucket switch
    {
        TimeBucket.Day => column,
        // 'weekday 0' moves forward to a Sunday (staying on one), so six days before it is the ISO Monday.
        TimeBucket.Week => $"date({column}, 'weekday 0', '-6 days')",
        TimeBucket.Month => $"substr({column}, 1, 8) || '01'",
        TimeBucket.Quarter =>
            $"substr({column}, 1, 5) || CASE WHEN substr({column}, 6, 2) < '04' THEN '01' WHEN substr({column}, 6, 2) < '07' THEN '04' " +
            $"WHEN substr({column}, 6, 2) < '10' THEN '07' ELSE '10' END || '-01'",
        TimeBucket.Year => $"substr({column}, 1, 5) || '01-01'",
        _ => throw new ArgumentOutOfRangeException(nameof(bucket), bucket, null),
    };

    /// <summary>The TIME group value of a row (alias <paramref name="alias"/>): its start's bucket, '' when undated.</summary>
    public static string Key(TimeBucket bucket, string alias) => $"coalesce({Start(bucket, $"{alias}.date_start")}, '')";

    /// <summary>1 when the row's range does not lie in the bucket of its start (or it is undated), else 0.</summary>
    public static string Imprecise(TimeBucket bucket, string alias) =>
        $"({alias}.date_start IS NULL OR {Start(bucket, $"{alias}.date_end")} <> {Start(bucket, $"{alias}.date_start")})";
}
