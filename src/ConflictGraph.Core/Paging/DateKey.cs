using System.Globalization;

namespace ConflictGraph.Core.Paging;

/// <summary>
/// The one home of how a list in date order is ordered and what its cursors say. The dated rows come first, by start
/// date in the order asked (earliest or latest first), then the undated rows; rows of one date, and the undated rows,
/// come by id. A cursor's key is its row's date (yyyy-MM-dd), or for an undated row the day no stored date passes in
/// that order (<see cref="Undated"/>: 9999-12-31 earliest first, 0000-01-01 latest first), as every cursor has said.
/// A row dated on that very day keeps its date and gains <see cref="DatedMark"/>, so its cursor is not an undated
/// row's: without it, the next page would resume among the undated rows and lose the dated ones after it. A cursor
/// issued before the mark existed reads as it was meant, the day alone being an undated row's.
/// </summary>
public static class DateKey
{
    /// <summary>What a dated row's key carries after a date equal to <see cref="Undated"/>.</summary>
    public const string DatedMark = " dated";

    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>The key of an undated row in the order: a day no stored date passes.</summary>
    public static string Undated(bool descending) => descending ? "0000-01-01" : "9999-12-31";

    /// <summary>The cursor key of a row dated <paramref name="date"/> (yyyy-MM-dd; null: undated).</summary>
    public static string Of(string? date, bool descending)
    {
        var undated = Undated(descending);
        if (date is null) return undated;
        return date == undated ? date + DatedMark : date;
    }

    /// <summary>
    /// The date a cursor key names: true with the date, or with null for an undated row; false for a key that names
    /// neither (no date order issued it).
    /// </summary>
    public static bool TryRead(string key, bool descending, out string? date)
    {
        var undated = Undated(descending);
        date = null;
        if (key == undated) return true;
        if (key == undated + DatedMark)
        {
            date = undated;
            return true;
        }
        if (!DateOnly.TryParseExact(key, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) return false;
        date = key;
        return true;
    }
}
