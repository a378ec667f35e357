namespace ConflictGraph.Sqlite.Reading;

/// <summary>
/// Bounds a walk over the date index for rows whose date range overlaps a window. A row starting
/// more than the longest stored span of its kind before the window cannot reach into it; the
/// writer keeps that span per kind (counts key 'span:KIND'), so the walk reads from there on
/// instead of from the first dated row.
/// </summary>
internal static class DateWindow
{
    /// <summary>The span classes of event_places (see the schema): a day, a month, a year, longer.</summary>
    public static readonly IReadOnlyList<int> SpanClasses = [0, 1, 2, 3];

    /// <param name="from">A parameter holding the window's first day.</param>
    /// <param name="spanKey">An expression giving the counts key, e.g. <c>'span:EVENT'</c> or a parameter.</param>
    public static string Earliest(string from, string spanKey) =>
        $"date({from}, '-' || coalesce((SELECT value FROM counts WHERE key = {spanKey}), 0) || ' days')";
}
