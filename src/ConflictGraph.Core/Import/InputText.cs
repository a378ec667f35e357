using System.Globalization;

namespace ConflictGraph.Core.Import;

/// <summary>The wire spelling of dates and instants, read and written in one place.</summary>
public static class InputText
{
    /// <summary>How the wire spells a day; the date tests read it from here rather than writing it again.</summary>
    internal const string DateFormat = "yyyy-MM-dd";
    private static readonly string[] InstantFormats =
        ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"];

    /// <remarks>
    /// Every body a read parses holds its dates in this spelling, a request's few to dozens of them: a date of exactly ten
    /// characters, four digits, '-', two, '-', two, naming a day of the calendar, is read from its digits; anything else
    /// (a day that does not exist, another length, other characters) goes to the custom-format parser, which decides as
    /// before. The two agree on every string the first accepts (tests hold them to it).
    /// </remarks>
    public static DateOnly? ParseDate(string? text) =>
        text is { Length: 10 } && Digits(text, out var year, out var month, out var day) && year >= 1 && month is >= 1 and <= 12
            && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;

    /// <summary>yyyy-MM-dd's numbers when <paramref name="text"/> (ten characters) is ASCII digits and dashes in that shape.</summary>
    private static bool Digits(string text, out int year, out int month, out int day)
    {
        year = month = day = 0;
        if (text[4] != '-' || text[7] != '-') return false;
        for (var i = 0; i < 10; i++)
        {
            if (i is 4 or 7) continue;
            var digit = text[i] - '0';
            if ((uint)digit > 9) return false;
            if (i < 4) year = year * 10 + digit;
            else if (i < 7) month = month * 10 + digit;
            else day = day * 10 + digit;
        }
        return true;
    }

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
