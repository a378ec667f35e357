using System.Globalization;

namespace ConflictGraph.Core.Import;

/// <summary>The wire spelling of dates and instants, read and written in one place.</summary>
public static class InputText
{
    private const string DateFormat = "yyyy-MM-dd";
    private static readonly string[] InstantFormats =
        ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"];

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>An ISO-8601 instant that says its offset (Z or ±hh:mm); a bare local time is refused.</summary>
    public static DateTimeOffset? ParseInstant(string? text)
    {
        if (text is null || !HasOffset(text)) return null;
        return DateTimeOffset.TryParseExact(text, InstantFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;
    }

    /// <summary>yyyy-MM-dd, written by the round-trip format's own code ("O" is that spelling for a DateOnly) rather than by the custom-format parser.</summary>
    public static string FormatDate(DateOnly day) => day.ToString("O", CultureInfo.InvariantCulture);

    public static string FormatInstant(DateTimeOffset at) =>
        at.ToString(at.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:sszzz" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    private static bool HasOffset(string text)
    {
        if (text.EndsWith('Z') || text.EndsWith('z')) return true;
        // ±hh:mm at the end, after the time part
        return text.Length > 16 && text[^3] == ':' && text[^6] is '+' or '-' && text.IndexOf('T') is > 0 and var t && t < text.Length - 6;
    }
}
