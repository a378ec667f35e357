using ConflictGraph.Cli.Generate;
using ConflictGraph.Core.Import;
using ConflictGraph.Sqlite.Schema;

namespace ConflictGraph.Store.Tests.Sqlite;

/// <summary>
/// place_events (schema 16) holds each event under every place containing it, with the event's seq (schema 17), kept by
/// triggers as places and events are written and deleted; it must always hold what deriving it from scratch gives, and an
/// older file gains it on open.
/// </summary>
public sealed class PlaceEventsTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private const string Rows = "SELECT place_id, event_id, span, date_start, date_end, event_seq FROM place_events ORDER BY event_id, place_id";

    private readonly TemporaryStores files = new("conflictgraph-placeevents-");

    [Fact]
    public async Task PlaceEventsFollowPlacesAndEventsWrittenAndDeletedRowByRow()
    {
        var (store, path) = files.Open("rows.db", bulkLoads: false);
        await store.ImportAsync(GraphInputMapper.ToBatch(GraphGenerator.Whole(new GenerationSettings(600, 5, EventsPerFile: 600))), null, None);
        var written = SqliteFile.Query(path, Rows);
        Assert.True(written.Count > 600, $"{written.Count} rows for 600 events");
        Assert.Equal(Derived(path), written);

        // A region goes (its cities lose their LOCATED_IN, its own events their place), then a city, then an event.
        var region = SqliteFile.Query(path, "SELECT id FROM nodes WHERE kind = 'PLACE' AND sub_kind = 'REGION' ORDER BY id LIMIT 1").Single();
        var country = SqliteFile.Query(path, $"SELECT to_id FROM relations WHERE type = 'LOCATED_IN' AND from_id = '{region}'").Single();
        var before = Under(path, country);
        Assert.True(await store.DeleteNodeAsync(region, null, None));
        Assert.True(Under(path, country) < before);
        var city = SqliteFile.Query(path, "SELECT place_id FROM event_places e CROSS JOIN nodes n ON n.id = e.place_id WHERE n.sub_kind = 'CITY' ORDER BY place_id LIMIT 1").Single();
        Assert.True(await store.DeleteNodeAsync(city, null, None));
        var anEvent = SqliteFile.Query(path, "SELECT event_id FROM place_events ORDER BY event_id LIMIT 1").Single();
        Assert.True(await store.DeleteNodeAsync(anEvent, null, None));

        var kept = SqliteFile.Query(path, Rows);
        Assert.DoesNotContain(kept, row => row.StartsWith(region + " ", StringComparison.Ordinal) || row.StartsWith(city + " ", StringComparison.Ordinal));
        Assert.DoesNotContain(kept, row => row.Contains($" {anEvent} ", StringComparison.Ordinal));
        Assert.Equal(Derived(path), kept);
        Assert.Equal(["0"], SqliteFile.Query(path, "SELECT count(*) FROM places_touched"));
    }

    [Fact]
    public async Task AVersion15FileGainsPlaceEventsOnOpen()
    {
        var (store, path) = files.Open("old.db", bulkLoads: false);
        await store.ImportAsync(GraphInputMapper.ToBatch(GraphGenerator.Whole(new GenerationSettings(300, 5, EventsPerFile: 300))), null, None);
        var fresh = SqliteFile.Query(path, Rows);
        store.Dispose();
        OlderSchemas.Write(path, 15);
        Assert.Empty(SqliteFile.Query(path, "SELECT name FROM sqlite_schema WHERE name LIKE 'place_events%' OR name = 'places_touched'"));

        var (reopened, _) = files.Open("old.db", bulkLoads: false);
        reopened.Dispose();
        Assert.Equal(fresh, SqliteFile.Query(path, Rows));
        OlderSchemas.AssertLatest(path);
    }

    [Fact]
    public async Task AVersion16FileGainsTheEventsSeqsOnOpenAndKeepsThemAsPlacesChange()
    {
        var (store, path) = files.Open("v16.db", bulkLoads: false);
        await store.ImportAsync(GraphInputMapper.ToBatch(GraphGenerator.Whole(new GenerationSettings(300, 5, EventsPerFile: 300))), null, None);
        var fresh = SqliteFile.Query(path, Rows);
        store.Dispose();
        OlderSchemas.Write(path, 16);
        Assert.Empty(SqliteFile.Query(path, "SELECT name FROM pragma_table_info('place_events') WHERE name = 'event_seq'"));

        var (reopened, _) = files.Open("v16.db", bulkLoads: false);
        Assert.Equal(fresh, SqliteFile.Query(path, Rows));
        Assert.DoesNotContain(fresh, row => row.EndsWith(" 0", StringComparison.Ordinal));
        OlderSchemas.AssertLatest(path);

        // The upgraded file's triggers write the seq too: a city's events move to another region when the city does.
        var city = SqliteFile.Query(path, "SELECT place_id FROM event_places e CROSS JOIN nodes n ON n.id = e.place_id WHERE n.sub_kind = 'CITY' ORDER BY place_id LIMIT 1").Single();
        Assert.True(await reopened.DeleteNodeAsync(city, null, None));
        Assert.Equal(Derived(path), SqliteFile.Query(path, Rows));
        reopened.Dispose();
    }

    /// <summary>How many events place_events holds under <paramref name="place"/>.</summary>
    private static int Under(string path, string place) =>
        int.Parse(SqliteFile.Query(path, $"SELECT count(*) FROM place_events WHERE place_id = '{place}'").Single());

    /// <summary>place_events derived from scratch (in a transaction rolled back).</summary>
    private static List<string> Derived(string path) => KeptCounts.Recount(path, "place_events", DerivedRows.PlaceEvents, Rows);

    public void Dispose() => files.Dispose();
}
