namespace ConflictGraph.Core.Model;

/// <summary>
/// A date known only to within [Start, End], as sources give it ('Sunday', 'since April'): one
/// moment somewhere in the range, or (<see cref="DateExtent.Period"/>) something lasting through it.
/// </summary>
public sealed record FuzzyDate(
    DateOnly Start, DateOnly End, DatePrecision Precision, DateTimeOffset? At = null, string? Text = null, DateExtent Extent = DateExtent.Moment)
{
    public static FuzzyDate Day(DateOnly day, string? text = null) => new(day, day, DatePrecision.Day, null, text);

    /// <summary>True when this range shares at least one day with [from, to]; open ends match anything.</summary>
    public bool Overlaps(DateOnly? from, DateOnly? to) =>
        (from is null || End >= from) && (to is null || Start <= to);
}
