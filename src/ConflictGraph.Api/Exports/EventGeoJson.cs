using System.IO.Pipelines;
using System.Text.Json;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Api.Exports;

/// <summary>
/// Events as a GeoJSON FeatureCollection (RFC 7946): one Feature per event, its id the event's id,
/// its geometry a Point at [longitude, latitude] of the first of its places that has coordinates, or
/// null when none has (the event is still there: nothing is dropped for lacking a location). The
/// properties carry every place with its coordinates and precision, the perpetrators and targets with
/// their claim status, the codings, the date range and the killed estimate. Written as it is read.
/// </summary>
public static class EventGeoJson
{
    public const string MediaType = "application/geo+json";

    private const int FlushEvery = 256;

    public static async Task WriteAsync(PipeWriter body, IAsyncEnumerable<EventRecord> records, CancellationToken cancellationToken)
    {
        // The store's first read comes before any byte is written, so its failure can still be an error response.
        await using var events = records.GetAsyncEnumerator(cancellationToken);
        var more = await events.MoveNextAsync();
        await using var json = new Utf8JsonWriter(body);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        var written = 0;
        for (; more; more = await events.MoveNextAsync())
        {
            Feature(json, events.Current);
            if (++written % FlushEvery != 0) continue;
            await json.FlushAsync(cancellationToken);
            await body.FlushAsync(cancellationToken);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
        await body.FlushAsync(cancellationToken);
    }

    private static void Feature(Utf8JsonWriter json, EventRecord r)
    {
        var e = r.Event;
        json.WriteStartObject();
        json.WriteString("type", "Feature");
        json.WriteString("id", e.Id);
        if (ExportedEvent.Located(r)?.Place.Location is { } point)
        {
            json.WriteStartObject("geometry");
            json.WriteString("type", "Point");
            json.WriteStartArray("coordinates");
            json.WriteNumberValue(point.Longitude);
            json.WriteNumberValue(point.Latitude);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        else json.WriteNull("geometry");
        json.WriteStartObject("properties");
        json.WriteString("title", e.Title);
        json.WriteString("kind", EnumNames.Of(e.EventKind));
        json.WriteString("description", e.Description);
        json.WriteString("date_start", e.Date is { } s ? InputText.FormatDate(s.Start) : null);
        json.WriteString("date_end", e.Date is { } d ? InputText.FormatDate(d.End) : null);
        json.WriteString("date_precision", e.Date is { } p ? EnumNames.Of(p.Precision) : null);
        json.WriteString("date_extent", e.Date is { } x ? EnumNames.Of(x.Extent) : null);
        json.WriteString("date_text", e.Date?.Text);
        json.WriteString("location_place_id", ExportedEvent.Located(r)?.Place.Id);
        json.WriteString("location_precision", ExportedEvent.Located(r)?.Place.Precision is { } precision ? EnumNames.Of(precision) : null);
        json.WriteStartObject("codings");
        foreach (var (scheme, code) in ExportedEvent.Codings(e.EventKind)) json.WriteString(scheme, code);
        json.WriteEndObject();
        json.WriteStartArray("places");
        foreach (var (place, status) in r.Places)
        {
            json.WriteStartObject();
            json.WriteString("id", place.Id);
            json.WriteString("name", place.Name);
            json.WriteString("kind", EnumNames.Of(place.PlaceKind));
            if (place.Location is { } at)
            {
                json.WriteNumber("latitude", at.Latitude);
                json.WriteNumber("longitude", at.Longitude);
            }
            json.WriteString("precision", place.Precision is { } exact ? EnumNames.Of(exact) : null);
            json.WriteString("status", EnumNames.Of(status));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        Links(json, "perpetrators", r.Perpetrators);
        Links(json, "targets", r.Targets);
        json.WriteStartArray("part_of");
        foreach (var id in r.PartOf) json.WriteStringValue(id);
        json.WriteEndArray();
        Number(json, "killed_low", r.Killed.Low);
        Number(json, "killed_best", r.Killed.Best);
        Number(json, "killed_high", r.Killed.High);
        json.WriteBoolean("disputed", r.Disputed);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Links(Utf8JsonWriter json, string name, IReadOnlyList<LinkedNode> links)
    {
        json.WriteStartArray(name);
        foreach (var link in links)
        {
            json.WriteStartObject();
            json.WriteString("id", link.Id);
            json.WriteString("name", link.Label);
            json.WriteString("kind", EnumNames.Of(link.Kind));
            json.WriteString("status", EnumNames.Of(link.Status));
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number) json.WriteNumber(name, number);
        else json.WriteNull(name);
    }
}
