using System.Text.RegularExpressions;
using ConflictGraph.Sqlite;
using ConflictGraph.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Store.Tests.Sqlite.Plans;

/// <summary>
/// Every statement the SQLite store issues, driven through every operation by
/// <see cref="StoreWorkout"/>, must read what it answers, not the graph: its EXPLAIN QUERY PLAN
/// is checked by <see cref="QueryPlan"/> with no planner statistics (a file never analyzed) and
/// with the statistics of a 1M-event graph. (With a small file's own statistics SQLite rightly
/// scans its small tables; the store re-analyzes tables that have grown after every write, so such
/// statistics never meet a large graph.)
/// </summary>
public sealed partial class QueryPlanTests : IDisposable
{
    /// <summary>
    /// Deliberate whole reads, each with its reason, keyed by a pattern of the operation's label and
    /// a part of the problem; nothing else may read more than it answers.
    /// </summary>
    private static readonly (string Label, string Problem, string Reason)[] Allowed =
    [
        ("^export nodes$", "SCAN nodes", "export writes every node, in id order"),
        ("", "SCAN main.search_config", "FTS5 reads its own one-row configuration when a connection first searches"),
        ("", "SCAN temp.search_terms VIRTUAL TABLE INDEX 513:",
            "the full-text vocabulary read from a word on (term >= ?), one row (LIMIT 1): the next term of the index, for WordChecks"),
        ("", "SCAN main.search_names_config", "FTS5 reads the name index's one-row configuration when a connection first searches it"),
        ("^compact the log$", "SCAN h USING INDEX history_by_target", "compaction walks the whole change log, one target after another, to fold what is old"),
        ("^bulk import$", "SCAN sqlite_schema", "a bulk import lists the schema's own indexes to drop and rebuild them"),
        ("^bulk import$", "SCAN temp.search_staged", "a bulk import moves the search texts it staged into the full-text table in one statement"),
        // The counts read nodes by kind from their indexes, and the longest spans the table itself (no index holds date_end).
        ("^bulk import$", "full scan: SCAN nodes", Derives),
        ("^bulk import$", "full scan: SCAN relations USING COVERING INDEX", Derives),
        ("^bulk import$", "full scan: SCAN facts USING COVERING INDEX", Derives),
        ("^bulk import$", "full scan: SCAN f USING COVERING INDEX refs_by_target", Derives),
        ("^bulk import$", "full scan: SCAN event_places USING COVERING INDEX", Derives),
        ("^bulk import$", "full scan: SCAN place_events USING INDEX place_events_by_seq", Derives),
        // Each place's events by month (schema 20) from every dated place_events row, each row's months a JSON list of its own.
        ("^bulk import$", "full scan: SCAN p USING COVERING INDEX place_events_by_date", Derives),
        ("^bulk import$", "SCAN m VIRTUAL TABLE INDEX 1:", "json_each walks one place_events row's own list of months, not a table"),
        // Each organization's statements from every statement's speaker and organization, and every person's roles (schema 13).
        ("^bulk import$", "full scan: SCAN x USING COVERING INDEX node_refs_by_date", Derives),
        ("^bulk import$", "full scan: SCAN o USING COVERING INDEX node_refs_by_date", Derives),
        // Each organization's statements as node_refs rows (schema 21): every statement's onBehalfOfId row, read in the table's own key order for the UNION.
        ("^bulk import$", "full scan: SCAN x", Derives),
        // Explained with the triggers on node_refs in place, DELETE must visit each row; in the import they are dropped, and it empties the table at once.
        ("^bulk import$", "full scan: SCAN node_refs USING COVERING INDEX node_refs_by_date", Derives),
        ("^bulk import$", "reads a whole kind: SEARCH r USING COVERING INDEX sqlite_autoindex_relations_2 (type=?)", Derives),
        // Every organization as one of its own speakers (schema 23, Membership.Pairs), for both organization derivations.
        ("^bulk import$", "reads a whole kind: SEARCH k USING COVERING INDEX nodes_by_kind (kind=?)", Derives),
        ("^(import|bulk import)$", "reads a whole kind: SEARCH nodes USING COVERING INDEX nodes_by_kind (kind=?)",
            "a write into an empty store wrote every event there is, and refreshes the roll-up of each, read back in id order"),
        ("^(import|bulk import|delete)", "SCAN touched", "a write's roll-up refresh walks its own list of the events it touched, kept for that write only"),
        ("^(import|bulk import|delete)", "SCAN refreshed", "a write's roll-up refresh writes each dimension's rows from its own copy of the events it touched, kept for that write only"),
        (@"^aggregate \[[^\]]*\] over all events", "full scan: SCAN n",
            "an aggregate with no selective criterion reads the event cube (a few rows per day of the graph) or one dimension's roll-up rows once: every event counts"),
        (@"^aggregate \[[^\]]*Place[^\]]*\]", "reads a whole kind: SEARCH level",
            "PLACE groups start from every place of the level (the countries, the regions): few next to the events they group"),
        (@"^aggregate \[[^\]]*\] in a place", "full scan: SCAN n USING INDEX event_rollup_parts",
            "the kept cells' aggregates read the parts with figures of their own (872 at 1M) whole from their partial index, as an aggregate over all events does, to keep SharedDeaths"),
        (@"^aggregate \[[^\]]*Place[^\]]*\]", "reads a whole kind: SEARCH p USING COVERING INDEX nodes_by_kind (kind=?)",
            "the events in no place of the level are read from the places outside every place of the level: each place is checked against them (2,789 places at 1M)"),
        (@"^listing nodes Kinds=\[(Event|Statement)\] (Events=\{Kinds|Statements=\{Stances)=[^}]*\} Order=Id$", "sorts a whole kind",
            "events and statements of some sub-kinds in id order sort those sub-kinds: the API lists events and statements by date only"),
    ];

    private const string Derives =
        "a bulk import (more nodes than the store held) derives the tables the triggers keep (counts, node refs, event places, aggregate cells, organizations' statements) from every row once, instead of a trigger per row";

    private readonly TemporaryStores files = new("conflictgraph-plans-");

    [Theory]
    [InlineData(PlannerStatistics.None)]
    [InlineData(PlannerStatistics.LargeGraph)]
    public async Task EveryStatementTheStoreIssuesReadsWhatItAnswersNotTheGraph(PlannerStatistics statistics)
    {
        var statements = await WorkoutStatementsAsync();
        Assert.True(statements.Count >= 100, $"only {statements.Count} statements were traced");

        using var connection = Copy(statistics);
        var problems = new List<(string Label, string Problem, string Sql, string Plan)>();
        foreach (var (label, sql) in statements)
        {
            // A table of the connection's own (the full-text vocabulary WordChecks reads) is made where it is explained too.
            if (sql.StartsWith("CREATE VIRTUAL TABLE IF NOT EXISTS temp.", StringComparison.Ordinal)) ConflictGraph.Sqlite.Reading.Statements.Execute(connection, sql);
            if (!QueryPlan.IsQuery(sql)) continue;
            var plan = QueryPlan.Explain(connection, sql);
            foreach (var problem in QueryPlan.Problems(sql, plan, label.StartsWith(StoreWorkout.Listing, StringComparison.Ordinal)))
            {
                if (Allowed.Any(a => Regex.IsMatch(label, a.Label) && problem.Contains(a.Problem, StringComparison.Ordinal))) continue;
                problems.Add((label, problem, sql, string.Join(" | ", plan.Select(r => r.Detail))));
            }
        }
        // One example per distinct problem, with how many statements share it.
        var report = problems.GroupBy(p => p.Problem).Select(g =>
            $"{g.Count()} x {g.Key}\n    in: {string.Join("; ", g.Select(p => p.Label).Distinct())}\n    first: {g.First().Sql}\n    plan: {g.First().Plan}");
        Assert.True(problems.Count == 0, $"{problems.Count} plan lines read more than their statement answers:\n{string.Join("\n", report)}");
    }

    [Theory]
    [InlineData(PlannerStatistics.None)]
    [InlineData(PlannerStatistics.LargeGraph)]
    public async Task EveryStatementOfTheTriggersThatKeepOrganizationsSpeakersAndPlacesMonthsSeeksItsRows(PlannerStatistics statistics)
    {
        // A trigger's statements run at every write of a row and never pass through the trace: each is explained with
        // the written row's columns (NEW.x, OLD.x) as parameters, as SQLite runs them.
        await WorkoutStatementsAsync();
        using var connection = Copy(statistics);
        var bodies = SqliteFile.Query(storePath!,
                "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND (name LIKE 'organization_statements%' OR name LIKE 'speaker_statements%' OR name LIKE 'place_month_events%' OR name LIKE 'place_event_bodies%') ORDER BY name")
            .Select(row => row.Split(' ', 2)).ToList();
        Assert.Equal(ConflictGraph.Sqlite.Schema.OrganizationStatements.Triggers.Concat(ConflictGraph.Sqlite.Schema.SpeakerStatements.Triggers)
            .Concat(ConflictGraph.Sqlite.Schema.PlaceMonthEvents.Triggers).Concat(ConflictGraph.Sqlite.Schema.PlaceEventBodies.Triggers)
            .Order(StringComparer.Ordinal), bodies.Select(b => b[0]));
        var problems = new List<string>();
        foreach (var body in bodies)
        {
            var program = body[1][(body[1].IndexOf(" BEGIN", StringComparison.Ordinal) + 6)..body[1].LastIndexOf("END", StringComparison.Ordinal)];
            foreach (var statement in program.Split(';').Select(s => s.Trim()).Where(s => s.Length > 0))
            {
                var sql = RowColumn().Replace(statement, m => $"${m.Groups[1].Value}_{m.Groups[2].Value}");
                problems.AddRange(QueryPlan.Problems(sql, QueryPlan.Explain(connection, sql), listing: false)
                    .Where(p => !(body[0].StartsWith(ConflictGraph.Sqlite.Schema.PlaceMonthEvents.Table, StringComparison.Ordinal) && p.Contains(JsonMonths, StringComparison.Ordinal)))
                    .Select(p => $"{body[0]}: {p}\n    {sql}"));
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>The walk of json_each over the written row's own list of months (place_month_events' triggers): not a table.</summary>
    private const string JsonMonths = "SCAN m VIRTUAL TABLE INDEX 1:";

    [GeneratedRegex(@"\b(NEW|OLD)\.(\w+)")]
    private static partial Regex RowColumn();

    [Fact]
    public void TheCheckFlagsReadsThatGrowWithTheGraph()
    {
        // The check proves something only if it refuses the shapes this store used to send.
        storePath = files.PathOf("empty.db");
        new SqliteGraphStore(new SqliteStoreOptions { Path = storePath }).Dispose();
        // As in the check above, a statement fails when either statistics make its plan read too much.
        using var bare = Copy(PlannerStatistics.None);
        using var large = Copy(PlannerStatistics.LargeGraph);
        IEnumerable<string> Problems(string sql, bool listing = false) => new[] { bare, large }
            .SelectMany(connection => QueryPlan.Problems(sql, QueryPlan.Explain(connection, sql), listing)).ToList();

        // Statements about an event, found by walking every statement and probing refs for each.
        Assert.Contains(Problems(
            "SELECT count(*) FROM nodes n WHERE n.kind IN (SELECT value FROM json_each('[\"STATEMENT\"]')) " +
            "AND EXISTS (SELECT 1 FROM refs f WHERE f.node_id = n.id AND f.field IN ('aboutIds') AND f.target_id = 'event:e')"),
            p => p.StartsWith("reads a whole kind", StringComparison.Ordinal));
        // Counting by reading every row, and stats by reading every node.
        Assert.Contains(Problems("SELECT count(*) FROM relations"), p => p.StartsWith("full scan", StringComparison.Ordinal));
        Assert.Contains(Problems("SELECT kind, count(*) FROM nodes GROUP BY kind"), p => p.StartsWith("full scan", StringComparison.Ordinal));
        // Containment walked through every LOCATED_IN relation at each step.
        Assert.Contains(Problems(
            "WITH RECURSIVE inside(id, depth) AS (SELECT 'place:x', 0 UNION SELECT r.from_id, inside.depth + 1 FROM relations r " +
            "JOIN inside ON r.to_id = inside.id AND r.type = 'LOCATED_IN' WHERE inside.depth < 32) SELECT id FROM inside"),
            p => p.StartsWith("reads a whole kind", StringComparison.Ordinal));
        // Words checked beside a driver by trying every match against every candidate's key (30 s at 1M events).
        Assert.Contains(Problems(
            "SELECT n.id FROM (SELECT DISTINCT value AS id FROM json_each('[\"place:a\",\"place:b\"]')) d CROSS JOIN nodes n INDEXED BY sqlite_autoindex_nodes_1 " +
            "ON n.id = d.id WHERE n.seq IN (SELECT rowid FROM search WHERE search MATCH '\"depot\"*') ORDER BY n.date_start LIMIT 21"),
            p => p.StartsWith("a list tried as a key", StringComparison.Ordinal));
        Assert.DoesNotContain(Problems(
            "SELECT n.id FROM (SELECT DISTINCT value AS id FROM json_each('[\"place:a\",\"place:b\"]')) d CROSS JOIN nodes n INDEXED BY sqlite_autoindex_nodes_1 " +
            "ON n.id = d.id WHERE +n.seq IN (SELECT rowid FROM search WHERE search MATCH '\"depot\"*') ORDER BY n.date_start LIMIT 21"),
            p => p.StartsWith("a list tried as a key", StringComparison.Ordinal));
        // A listing may read its kind, but not sort all of it for one page.
        Assert.Contains(Problems("SELECT id FROM nodes WHERE kind = 'EVENT' ORDER BY label LIMIT 20", listing: true),
            p => p.StartsWith("sorts a whole kind", StringComparison.Ordinal));
        Assert.Empty(Problems("SELECT id FROM nodes WHERE kind = 'EVENT' ORDER BY id LIMIT 20", listing: true));
        Assert.Empty(Problems("SELECT n.kind, n.body FROM json_each('[\"a\",\"b\"]') j CROSS JOIN nodes n ON n.id = j.value"));
    }

    private string? storePath;

    private async Task<IReadOnlyList<(string Label, string Sql)>> WorkoutStatementsAsync()
    {
        storePath = files.PathOf("workout.db");
        var log = new StatementLog();
        using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = storePath });
        log.Attach(store);
        await StoreWorkout.RunAsync(store, label => log.Label = label);
        return log.Statements;
    }

    /// <summary>A copy of the worked-out file whose planner statistics are <paramref name="statistics"/>, opened fresh.</summary>
    private SqliteConnection Copy(PlannerStatistics statistics)
    {
        var copy = files.PathOf($"{statistics}.db");
        using (var source = new SqliteConnection($"Data Source={storePath};Pooling=False"))
        {
            source.Open();
            using var vacuum = source.CreateCommand();
            vacuum.CommandText = $"VACUUM INTO '{copy}'";
            vacuum.ExecuteNonQuery();
        }
        using (var writer = new SqliteConnection($"Data Source={copy};Pooling=False"))
        {
            writer.Open();
            using var command = writer.CreateCommand();
            command.CommandText = "ANALYZE; DELETE FROM sqlite_stat1;";
            command.ExecuteNonQuery();
            if (statistics == PlannerStatistics.LargeGraph) InsertLargeGraphStatistics(writer);
        }
        var connection = new SqliteConnection($"Data Source={copy};Mode=ReadOnly;Pooling=False");
        connection.Open();
        // The staging table a bulk import keeps its search texts in, and the events a roll-up refresh writes rows for,
        // live in the writing connection's temporary schema only.
        using (var staged = connection.CreateCommand())
        {
            staged.CommandText = $"{BulkLoad.CreateStagedSearch}; {EventRollup.CreateRefreshed}";
            staged.ExecuteNonQuery();
        }
        return connection;
    }

    /// <summary>Writes the 1M-event statistics; every index of the file must have a row, so a new index cannot go unplanned.</summary>
    private static void InsertLargeGraphStatistics(SqliteConnection connection)
    {
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ($table, $index, $stat)";
        var (table, index, stat) = (insert.Parameters.Add("$table", SqliteType.Text), insert.Parameters.Add("$index", SqliteType.Text), insert.Parameters.Add("$stat", SqliteType.Text));
        foreach (var row in LargeGraphStatistics.Rows)
        {
            (table.Value, index.Value, stat.Value) = (row.Table, (object?)row.Index ?? DBNull.Value, row.Stat);
            insert.ExecuteNonQuery();
        }
        using var missing = connection.CreateCommand();
        missing.CommandText =
            "SELECT group_concat(name, ', ') FROM sqlite_schema WHERE type = 'index' AND name NOT IN (SELECT idx FROM sqlite_stat1 WHERE idx IS NOT NULL)";
        var names = missing.ExecuteScalar() as string;
        Assert.True(string.IsNullOrEmpty(names), $"LargeGraphStatistics has no row for: {names}");
    }

    public void Dispose() => files.Dispose();
}

public enum PlannerStatistics { None, LargeGraph }
