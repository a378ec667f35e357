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
/// their claim status, the codings, the date range and the killed estimate. Written as it is read,
/// a chunk at a time (<see cref="ResponseChunks"/>).
/// </summary>
public static class EventGeoJson
{
    public const string MediaType = "application/geo+json";

    /// <summary>Property names encoded once: every feature writes them all.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText Type = JsonEncodedText.Encode("type"), Id = JsonEncodedText.Encode("id"),
            Geometry = JsonEncodedText.Encode("geometry"), Coordinates = JsonEncodedText.Encode("coordinates"),
            Properties = JsonEncodedText.Encode("properties"), Title = JsonEncodedText.Encode("title"), Kind = JsonEncodedText.Encode("kind"),
            Description = JsonEncodedText.Encode("description"), DateStart = JsonEncodedText.Encode("date_start"),
            DateEnd = JsonEncodedText.Encode("date_end"), DatePrecision = JsonEncodedText.Encode("date_precision"),
            DateExtent = JsonEncodedText.Encode("date_extent"), DateText = JsonEncodedText.Encode("date_text"),
            LocationPlaceId = JsonEncodedText.Encode("location_place_id"), LocationPrecision = JsonEncodedText.Encode("location_precision"),
            Codings = JsonEncodedText.Encode("codings"), Places = JsonEncodedText.Encode("places"), Name = JsonEncodedText.Encode("name"),
            Latitude = JsonEncodedText.Encode("latitude"), Longitude = JsonEncodedText.Encode("longitude"),
            Precision = JsonEncodedText.Encode("precision"), Status = JsonEncodedText.Encode("status"),
            Perpetrators = JsonEncodedText.Encode("perpetrators"), Targets = JsonEncodedText.Encode("targets"),
            PartOf = JsonEncodedText.Encode("part_of"), KilledLow = JsonEncodedText.Encode("killed_low"),
            KilledBest = JsonEncodedText.Encode("killed_best"), KilledHigh = JsonEncodedText.Encode("killed_high"),
            Disputed = JsonEncodedText.Encode("disputed"), Feature = JsonEncodedText.Encode("Feature"), Point = JsonEncodedText.Encode("Point");
    }

    public static async Task WriteAsync(PipeWriter body, IAsyncEnumerable<EventRecord> records, CancellationToken cancellationToken)
    {
        // The store's first read comes before any byte is written, so its failure can still be an error response.
        await using var events = records.GetAsyncEnumerator(cancellationToken);
        var more = await events.MoveNextAsync();
        await ResponseChunks.StreamAsync(body, chunks =>
        {
            // The writer's own checks are off: this class writes one fixed structure, which the tests hold to RFC 7946.
            using var json = new Utf8JsonWriter(chunks, new JsonWriterOptions { SkipValidation = true });
            json.WriteStartObject();
            json.WriteString(Names.Type, "FeatureCollection");
            json.WriteStartArray("features");
            for (; more; more = ResponseChunks.Next(events))
            {
                Feature(json, events.Current);
                // The writer writes into the chunks' memory and commits it when flushed: once a chunk is full, not per feature.
                if (!chunks.FullWith(json.BytesPending)) continue;
                json.Flush();
                chunks.Send();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.Flush();
        }, cancellationToken);
    }

    private static void Feature(Utf8JsonWriter json, EventRecord r)
    {
        var e = r.Event;
        var located = ExportedEvent.Located(r)?.Place;
        json.WriteStartObject();
        json.WriteString(Names.Type, Names.Feature);
        json.WriteString(Names.Id, e.Id);
        if (located?.Location is { } point)
        {
            json.WriteStartObject(Names.Geometry);
            json.WriteString(Names.Type, Names.Point);
            json.WriteStartArray(Names.Coordinates);
            json.WriteNumberValue(point.Longitude);
            json.WriteNumberValue(point.Latitude);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        else json.WriteNull(Names.Geometry);
        json.WriteStartObject(Names.Properties);
        json.WriteString(Names.Title, e.Title);
        json.WriteString(Names.Kind, EnumNames.Of(e.EventKind));
        json.WriteString(Names.Description, e.Description);
        json.WriteString(Names.DateStart, e.Date is { } s ? InputText.FormatDate(s.Start) : null);
        json.WriteString(Names.DateEnd, e.Date is { } d ? InputText.FormatDate(d.End) : null);
        json.WriteString(Names.DatePrecision, e.Date is { } p ? EnumNames.Of(p.Precision) : null);
        json.WriteString(Names.DateExtent, e.Date is { } x ? EnumNames.Of(x.Extent) : null);
        json.WriteString(Names.DateText, e.Date?.Text);
        json.WriteString(Names.LocationPlaceId, located?.Id);
        json.WriteString(Names.LocationPrecision, located?.Precision is { } precision ? EnumNames.Of(precision) : null);
        json.WriteStartObject(Names.Codings);
        foreach (var (scheme, code) in ExportedEvent.Codings(e.EventKind)) json.WriteString(scheme, code);
        json.WriteEndObject();
        json.WriteStartArray(Names.Places);
        foreach (var (place, status) in r.Places)
        {
            json.WriteStartObject();
            json.WriteString(Names.Id, place.Id);
            json.WriteString(Names.Name, place.Name);
            json.WriteString(Names.Kind, EnumNames.Of(place.PlaceKind));
            if (place.Location is { } at)
            {
                json.WriteNumber(Names.Latitude, at.Latitude);
                json.WriteNumber(Names.Longitude, at.Longitude);
            }
            json.WriteString(Names.Precision, place.Precision is { } exact ? EnumNames.Of(exact) : null);
            json.WriteString(Names.Status, EnumNames.Of(status));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        Links(json, Names.Perpetrators, r.Perpetrators);
        Links(json, Names.Targets, r.Targets);
        json.WriteStartArray(Names.PartOf);
        foreach (var id in r.PartOf) json.WriteStringValue(id);
        json.WriteEndArray();
        Number(json, Names.KilledLow, r.Killed.Low);
        Number(json, Names.KilledBest, r.Killed.Best);
        Number(json, Names.KilledHigh, r.Killed.High);
        json.WriteBoolean(Names.Disputed, r.Disputed);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Links(Utf8JsonWriter json, JsonEncodedText name, IReadOnlyList<LinkedNode> links)
    {
        json.WriteStartArray(name);
        foreach (var link in links)
        {
            json.WriteStartObject();
            json.WriteString(Names.Id, link.Id);
            json.WriteString(Names.Name, link.Label);
            json.WriteString(Names.Kind, EnumNames.Of(link.Kind));
            json.WriteString(Names.Status, EnumNames.Of(link.Status));
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter json, JsonEncodedText name, int? value)
    {
        if (value is { } number) json.WriteNumber(name, number);
        else json.WriteNull(name);
    }
}
