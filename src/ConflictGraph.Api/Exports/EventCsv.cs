using System.Globalization;
using System.Text;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Api.Exports;

/// <summary>
/// Events as CSV after RFC 4180: a header row, CRLF line ends, a field quoted (quotes doubled) when it
/// holds a comma, quote or line break. UTF-8 with a byte order mark, since Excel reads a CSV file
/// without one in the machine's legacy code page (mangling names such as Kata'ib or Muhandis written
/// with diacritics); LibreOffice, Google Sheets, QGIS and pandas (encoding='utf-8-sig') read it either
/// way. A text cell starting with =, +, - or @ gets a leading apostrophe so a spreadsheet shows it as
/// text rather than running it as a formula (OWASP's advice on CSV injection); numbers and dates are
/// never touched. Lists (places, perpetrators, targets) are joined with "; ", the same order in each
/// of their columns.
/// </summary>
public static class EventCsv
{
    public const string MediaType = "text/csv; charset=utf-8; header=present";

    private const string Separator = "; ";

    public static IReadOnlyList<string> Header { get; } =
    [
        "event_id", "title", "kind", "description", "date_start", "date_end", "date_precision", "date_extent", "date_text", "date_at",
        .. ExportedEvent.EventSchemes.Select(s => s.ToLowerInvariant()),
        "place_ids", "place_names", "place_kinds", "place_statuses",
        "location_place_id", "latitude", "longitude", "location_precision", "location_source",
        "perpetrator_ids", "perpetrator_names", "perpetrator_statuses", "target_ids", "target_names", "target_statuses",
        "part_of", "killed_low", "killed_best", "killed_high", "disputed",
    ];

    public static async Task WriteAsync(Stream body, IAsyncEnumerable<EventRecord> records, CancellationToken cancellationToken)
    {
        // The store's first read comes before any byte is written, so its failure can still be an error response.
        await using var events = records.GetAsyncEnumerator(cancellationToken);
        var more = await events.MoveNextAsync();
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16);
        var line = new StringBuilder(1024);
        Append(line, Header.Select(h => ((string?)h, false)));
        await writer.WriteAsync(line, cancellationToken);
        for (; more; more = await events.MoveNextAsync())
        {
            line.Clear();
            Append(line, Row(events.Current));
            await writer.WriteAsync(line, cancellationToken);
        }
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>The record's cells in header order; true marks data text a spreadsheet could read as a formula.</summary>
    private static IEnumerable<(string? Value, bool Text)> Row(EventRecord r)
    {
        var e = r.Event;
        var located = ExportedEvent.Located(r);
        yield return (e.Id, true);
        yield return (e.Title, true);
        yield return (EnumNames.Of(e.EventKind), false);
        yield return (e.Description, true);
        yield return (Day(e.Date?.Start), false);
        yield return (Day(e.Date?.End), false);
        yield return (e.Date is { } p ? EnumNames.Of(p.Precision) : null, false);
        yield return (e.Date is { } x ? EnumNames.Of(x.Extent) : null, false);
        yield return (e.Date?.Text, true);
        yield return (e.Date?.At is { } at ? InputText.FormatInstant(at) : null, false);
        foreach (var (_, code) in ExportedEvent.Codings(e.EventKind)) yield return (code, true);
        yield return (Join(r.Places.Select(p => p.Place.Id)), true);
        yield return (Join(r.Places.Select(p => p.Place.Name)), true);
        yield return (Join(r.Places.Select(p => EnumNames.Of(p.Place.PlaceKind))), false);
        yield return (Join(r.Places.Select(p => EnumNames.Of(p.Status))), false);
        yield return (located?.Place.Id, true);
        yield return (Number(located?.Place.Location?.Latitude), false);
        yield return (Number(located?.Place.Location?.Longitude), false);
        yield return (located?.Place.Precision is { } precision ? EnumNames.Of(precision) : null, false);
        yield return (located?.Place.LocationSource, true);
        foreach (var links in new[] { r.Perpetrators, r.Targets })
        {
            yield return (Join(links.Select(l => l.Id)), true);
            yield return (Join(links.Select(l => l.Label)), true);
            yield return (Join(links.Select(l => EnumNames.Of(l.Status))), false);
        }
        yield return (Join(r.PartOf), true);
        yield return (r.Killed.Low?.ToString(CultureInfo.InvariantCulture), false);
        yield return (r.Killed.Best?.ToString(CultureInfo.InvariantCulture), false);
        yield return (r.Killed.High?.ToString(CultureInfo.InvariantCulture), false);
        yield return (r.Disputed ? "true" : "false", false);
    }

    private static void Append(StringBuilder line, IEnumerable<(string? Value, bool Text)> cells)
    {
        var first = true;
        foreach (var (value, text) in cells)
        {
            if (!first) line.Append(',');
            first = false;
            if (string.IsNullOrEmpty(value)) continue;
            var cell = text && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
            if (cell.AsSpan().IndexOfAny(",\"\r\n") < 0) line.Append(cell);
            else line.Append('"').Append(cell.Replace("\"", "\"\"")).Append('"');
        }
        line.Append("\r\n");
    }

    private static string? Join(IEnumerable<string> values) => string.Join(Separator, values) is { Length: > 0 } joined ? joined : null;

    private static string? Day(DateOnly? day) => day is { } d ? InputText.FormatDate(d) : null;

    private static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);
}
