using System.IO.Pipelines;
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

    public static async Task WriteAsync(PipeWriter body, IAsyncEnumerable<EventRecord> records, CancellationToken cancellationToken)
    {
        // The store's first read comes before any byte is written, so its failure can still be an error response.
        await using var events = records.GetAsyncEnumerator(cancellationToken);
        var more = await events.MoveNextAsync();
        await ResponseChunks.StreamAsync(body, chunks =>
        {
            var cells = new CsvCells(chunks);
            cells.ByteOrderMark();
            foreach (var name in Header) cells.Cell(name, text: false);
            cells.EndRecord();
            for (; more; more = ResponseChunks.Next(events))
            {
                Row(cells, events.Current);
                if (cells.Full) cells.Send();
            }
        }, cancellationToken);
    }

    /// <summary>The record's cells in header order.</summary>
    private static void Row(CsvCells cells, EventRecord r)
    {
        var e = r.Event;
        var located = ExportedEvent.Located(r);
        cells.Cell(e.Id, text: true);
        cells.Cell(e.Title, text: true);
        cells.Cell(EnumNames.Of(e.EventKind), text: false);
        cells.Cell(e.Description, text: true);
        cells.Cell(Day(e.Date?.Start), text: false);
        cells.Cell(Day(e.Date?.End), text: false);
        cells.Cell(e.Date is { } p ? EnumNames.Of(p.Precision) : null, text: false);
        cells.Cell(e.Date is { } x ? EnumNames.Of(x.Extent) : null, text: false);
        cells.Cell(e.Date?.Text, text: true);
        cells.Cell(e.Date?.At is { } at ? InputText.FormatInstant(at) : null, text: false);
        foreach (var (_, code) in ExportedEvent.Codings(e.EventKind)) cells.Cell(code, text: true);
        cells.Cell(Join(r.Places, p => p.Place.Id), text: true);
        cells.Cell(Join(r.Places, p => p.Place.Name), text: true);
        cells.Cell(Join(r.Places, p => EnumNames.Of(p.Place.PlaceKind)), text: false);
        cells.Cell(Join(r.Places, p => EnumNames.Of(p.Status)), text: false);
        cells.Cell(located?.Place.Id, text: true);
        cells.Cell(located?.Place.Location?.Latitude);
        cells.Cell(located?.Place.Location?.Longitude);
        cells.Cell(located?.Place.Precision is { } precision ? EnumNames.Of(precision) : null, text: false);
        cells.Cell(located?.Place.LocationSource, text: true);
        Links(cells, r.Perpetrators);
        Links(cells, r.Targets);
        cells.Cell(Join(r.PartOf, id => id), text: true);
        cells.Cell(r.Killed.Low);
        cells.Cell(r.Killed.Best);
        cells.Cell(r.Killed.High);
        cells.Cell(r.Disputed ? "true" : "false", text: false);
        cells.EndRecord();
    }

    private static void Links(CsvCells cells, IReadOnlyList<LinkedNode> links)
    {
        cells.Cell(Join(links, l => l.Id), text: true);
        cells.Cell(Join(links, l => l.Label), text: true);
        cells.Cell(Join(links, l => EnumNames.Of(l.Status)), text: false);
    }

    /// <summary>The items' values joined with "; " in list order; most lists hold one item, which needs no new string.</summary>
    private static string? Join<T>(IReadOnlyList<T> items, Func<T, string> value) => items.Count switch
    {
        0 => null,
        1 => value(items[0]),
        _ => string.Join(Separator, items.Select(value)),
    };

    private static string? Day(DateOnly? day) => day is { } d ? InputText.FormatDate(d) : null;
}
