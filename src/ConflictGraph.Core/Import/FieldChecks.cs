using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Import;

/// <summary>
/// Checks of single fields: presence, id syntax, enum names, dates, counts, coordinates. Each
/// takes the item's path and the field's name apart, joining them only for a problem: large
/// batches are mostly valid.
/// </summary>
internal sealed class FieldChecks(ProblemList problems)
{
    public const int MaxIdLength = 200;

    public bool Required(string? text, string item, string field)
    {
        if (!string.IsNullOrWhiteSpace(text)) return true;
        problems.Add(item, field, "required");
        return false;
    }

    public bool Id(string? id, string item, string field)
    {
        if (!Required(id, item, field)) return false;
        if (id!.Length > MaxIdLength)
        {
            problems.Add(item, field, $"'{id[..20]}...' is {id.Length} characters long (at most {MaxIdLength})");
            return false;
        }
        foreach (var c in id)
        {
            if (char.IsLetterOrDigit(c) || c is ':' or '.' or '_' or '-') continue;
            problems.Add(item, field, $"'{id}' is not a valid id ('{c}' is not allowed; use letters, digits and :._-)");
            return false;
        }
        return true;
    }

    public void Enum<T>(string? text, string item, string field, bool required) where T : struct, Enum
    {
        if (text is null)
        {
            if (required) problems.Add(item, field, "required");
            return;
        }
        if (EnumNames.TryParse<T>(text, out _)) return;
        var name = typeof(T).Name;
        var article = "AEIOU".Contains(name[0]) ? "an" : "a";
        problems.Add(item, field, $"'{text}' is not {article} {name} (one of {string.Join(", ", EnumNames.All<T>())})");
    }

    public DateOnly? Date(string? text, string item, string field)
    {
        if (text is null) return null;
        if (InputText.ParseDate(text) is { } day) return day;
        problems.Add(item, field, $"'{text}' is not a date (YYYY-MM-DD)");
        return null;
    }

    public void FuzzyDate(FuzzyDateInput? date, string item, string field)
    {
        if (date is null) return;
        var start = InputText.ParseDate(date.Start);
        if (start is null)
            problems.Add(item, $"{field}.start", date.Start is null ? "required" : $"'{date.Start}' is not a date (YYYY-MM-DD)");
        var end = date.End is null ? null : InputText.ParseDate(date.End);
        if (date.End is not null && end is null) problems.Add(item, $"{field}.end", $"'{date.End}' is not a date (YYYY-MM-DD)");
        if (start is not null && end < start) problems.Add(item, $"{field}.end", "before start");
        if (!EnumNames.TryParse<DatePrecision>(date.Precision, out _))
            Enum<DatePrecision>(date.Precision, item, $"{field}.precision", required: true);
        if (date.At is not null && InputText.ParseInstant(date.At) is null)
            problems.Add(item, $"{field}.at", $"'{date.At}' is not an ISO-8601 instant with offset (e.g. 2021-06-27T21:30:00Z)");
        Enum<DateExtent>(date.Extent, item, $"{field}.extent", required: false);
        if (date.Extent == EnumNames.Of(DateExtent.Period) && date.End is null)
            problems.Add(item, $"{field}.end", "required for a PERIOD, which lasts from start to end (a MOMENT may leave it out)");
    }

    /// <summary>A reported count: bounds non-negative, the upper not below the lower.</summary>
    public void Count(int? min, int? max, string item, string name)
    {
        if (min < 0) problems.Add(item, $"{name}Min", $"{min} is negative");
        if (max < 0) problems.Add(item, $"{name}Max", $"{max} is negative");
        if (min >= 0 && max >= 0 && max < min) problems.Add(item, $"{name}Max", $"{max} is less than {name}Min {min}");
    }

    public void Location(GeoPointInput? point, string item)
    {
        if (point is null) return;
        Coordinate(point.Latitude, item, "location.latitude", 90);
        Coordinate(point.Longitude, item, "location.longitude", 180);
    }

    private void Coordinate(double? value, string item, string field, double limit)
    {
        if (value is null) problems.Add(item, field, "required");
        else if (value < -limit || value > limit) problems.Add(item, field, $"{value} is outside -{limit}..{limit}");
    }
}
