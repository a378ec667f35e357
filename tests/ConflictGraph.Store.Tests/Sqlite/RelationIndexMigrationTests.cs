using ConflictGraph.Cli.Generate;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite;
using ConflictGraph.Sqlite.Reading;
using ConflictGraph.Sqlite.Schema;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Store.Tests.Sqlite;

/// <summary>
/// The relation indexes by node carry each relation's far node and claim status (schema 14), so an event export
/// reads an event's places, targets and perpetrators from the indexes alone; an older file gains them on open.
/// </summary>
public sealed class RelationIndexMigrationTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private const string Indexes = "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND name IN ('relations_from', 'relations_to') ORDER BY name";

    private readonly TemporaryStores files = new("conflictgraph-relationindexes-");

    [Fact]
    public async Task AVersion13FileGainsTheWideIndexesOnOpenAndExportsTheSameEvents()
    {
        var (store, path) = files.Open("old.db", bulkLoads: false);
        await store.ImportAsync(GraphInputMapper.ToBatch(GraphGenerator.Whole(new GenerationSettings(600, 5, EventsPerFile: 600))), null, None);
        var fresh = SqliteFile.Query(path, Indexes);
        Assert.Equal(2, fresh.Count);
        var exported = await Exported(store);
        Assert.Contains(exported, e => e.Contains(" by ") && e.Contains(" in ") && e.Contains(" at "));
        store.Dispose();
        OlderSchemas.Write(path, 13, """
            DROP INDEX relations_from; DROP INDEX relations_to;
            CREATE INDEX relations_from ON relations (from_id, type); CREATE INDEX relations_to ON relations (to_id, type);
            """);
        Assert.NotEqual(fresh, SqliteFile.Query(path, Indexes));

        var (reopened, _) = files.Open("old.db", bulkLoads: false);
        Assert.Equal(exported, await Exported(reopened));

        Assert.Equal(fresh, SqliteFile.Query(path, Indexes));
        OlderSchemas.AssertLatest(path);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnEventExportReadsItsRelationsFromTheIndexesAlone(bool withStatistics)
    {
        var (store, path) = files.Open($"plan-{withStatistics}.db", bulkLoads: false);
        await store.ImportAsync(GraphInputMapper.ToBatch(GraphGenerator.Whole(new GenerationSettings(200, 5, EventsPerFile: 200))), null, None);
        if (withStatistics) SqliteFile.Query(path, "ANALYZE; SELECT 1", readOnly: false);
        var selection = EventSelection.All;
        foreach (var statement in EventExport.Statements(NodeFilters.For(selection.ToNodeQuery()), selection))
        {
            var plan = SqliteFile.Query(path, "EXPLAIN QUERY PLAN " + statement);
            Assert.Contains(plan, step => step.EndsWith("SEARCH o USING COVERING INDEX relations_from (from_id=?)"));
            Assert.Contains(plan, step => step.EndsWith("SEARCH o USING COVERING INDEX relations_to (to_id=? AND type=?)"));
        }
    }

    /// <summary>Each exported event with its links, as text: id, places, perpetrators and targets with their statuses, parents.</summary>
    private static async Task<List<string>> Exported(SqliteGraphStore store)
    {
        var rows = new List<string>();
        await foreach (var e in store.ExportEventsAsync(EventSelection.All, None))
            rows.Add($"{e.Event.Id} in {string.Join(",", e.Places.Select(p => $"{p.Place.Id}/{p.Status}"))} " +
                     $"by {string.Join(",", e.Perpetrators.Select(p => $"{p.Id}/{p.Kind}/{p.Label}/{p.Status}"))} " +
                     $"at {string.Join(",", e.Targets.Select(t => $"{t.Id}/{t.Kind}/{t.Label}/{t.Status}"))} of {string.Join(",", e.PartOf)}");
        return rows;
    }

    public void Dispose() => files.Dispose();
}
