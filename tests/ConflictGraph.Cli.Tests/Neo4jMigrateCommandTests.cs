using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Neo4j.Cypher;
using ConflictGraph.Neo4j.Migration;
using static ConflictGraph.Cli.Tests.FakeQueryApi;

namespace ConflictGraph.Cli.Tests;

/// <summary><c>conflictgraph neo4j migrate</c> against a stand-in Query API holding a graph in the layout before 2026-12.</summary>
public sealed class Neo4jMigrateCommandTests : IDisposable
{
    private readonly Workspace _work = new();

    private static string Counts(string statement, long danglingStatements = 0, bool legacy = true, long untallied = 0, long unnamed = 0) =>
        statement == LegacyStatements.NodeCounts ? Rows(["kind", "count"], legacy ? [$"[{Text("EVENT")},{Integer(3)}]", $"[{Text("PERSON")},{Integer(1)}]"] : [])
        : statement == LegacyStatements.RelationCounts ? Rows(["type", "count", "claims"], legacy ? [$"[{Text("CARRIED_OUT")},{Integer(4)},{Integer(3)}]"] : [])
        : statement == LegacyStatements.DanglingClaims ? Rows(["dangling", "examples"],
            $"[{Integer(danglingStatements)},{List(danglingStatements > 0 ? [Text("statement:gone")] : [])}]")
        : statement == LegacyStatements.PresentIndexes ? Rows(["name"], legacy ? [$"[{Text("conflictgraph_rel_type")}]"] : [])
        : statement == Statements.UntalliedCount ? Rows(["count"], $"[{Integer(untallied)}]")
        : statement == Statements.UnnamedCount ? Rows(["count"], $"[{Integer(unnamed)}]")
        : Nothing;

    [Fact]
    public async Task TheDryRunPrintsWhatIsLeftAndWritesNothing()
    {
        await using var neo4j = new FakeQueryApi(s => Counts(s));

        var outcome = await _work.RunAsync("neo4j", "migrate", "--dry-run", "--neo4j-uri", neo4j.Uri);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Matches(@"nodes to label +4 +\(EVENT 3, PERSON 1\)", outcome.Output);
        Assert.Matches(@"relations to convert +4 +\(CARRIED_OUT 4\)", outcome.Output);
        Assert.Matches(@"claims to create +3", outcome.Output);
        Assert.Matches(@"events to tally +3 ", outcome.Output);
        Assert.Matches(@"nodes to name +0 ", outcome.Output);
        Assert.Matches(@"old indexes to drop +1 +conflictgraph_rel_type", outcome.Output);
        Assert.EndsWith("dry run: nothing was written\n", outcome.Output);
        Assert.DoesNotContain(neo4j.Requests, r => r.Path.Contains("/tx", StringComparison.Ordinal));
        Assert.Equal([LegacyStatements.NodeCounts, LegacyStatements.RelationCounts, LegacyStatements.DanglingClaims, LegacyStatements.PresentIndexes, Statements.UntalliedCount, Statements.UnnamedCount],
            neo4j.Requests.Select(r => r.Statement));
    }

    [Fact]
    public async Task ADatabaseInTheCurrentLayoutHasNothingToConvert()
    {
        await using var neo4j = new FakeQueryApi(s => Counts(s, legacy: false));

        var outcome = await _work.RunAsync("neo4j", "migrate", "--neo4j-uri", neo4j.Uri);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("already in the current layout; nothing to convert\n", outcome.Output);
        Assert.DoesNotContain(neo4j.Requests, r => r.Path.Contains("/tx", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheMigrationConvertsBatchByBatchAndSaysHowFarItGot()
    {
        var person = new Person("person:a", "A", [], null, []);
        var handedOut = false;
        await using var neo4j = new FakeQueryApi(statement =>
        {
            if (statement != LegacyStatements.NodeBatch) return Counts(statement);
            if (handedOut) return Nothing;
            handedOut = true;
            return Rows(["id", "kind", "body"], $"[{Text(person.Id)},{Text("PERSON")},{Text(NodeJson.Serialize(person))}]");
        });

        var outcome = await _work.RunAsync("neo4j", "migrate", "--batch-size", "1", "--neo4j-uri", neo4j.Uri);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("converted 4 nodes and 4 relations (3 claims); gave 3 events their killed tally; dropped 1 old indexes\n", outcome.Output);
        Assert.Contains("nodes 1/4", outcome.Error);
        Assert.Contains(Statements.WriteNodes(NodeKind.Person), neo4j.Requests.Select(r => r.Statement));
        Assert.Contains("DROP INDEX conflictgraph_rel_type IF EXISTS", neo4j.Requests.Select(r => r.Statement));
    }

    [Fact]
    public async Task EventsInTheCurrentLayoutWithoutAKilledTallyGetOneAndNoNodeIsRewritten()
    {
        var batches = 0;
        await using var neo4j = new FakeQueryApi(statement => statement == Statements.UntalliedEvents
            ? batches++ == 0 ? Rows(["id"], $"[{Text("event:e")}]") : Nothing
            : Counts(statement, legacy: false, untallied: 1));

        var outcome = await _work.RunAsync("neo4j", "migrate", "--neo4j-uri", neo4j.Uri);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("converted 0 nodes and 0 relations (0 claims); gave 1 events their killed tally; dropped 0 old indexes\n", outcome.Output);
        Assert.Contains(Statements.WriteEventTallies, neo4j.Requests.Select(r => r.Statement));
        Assert.DoesNotContain(neo4j.Requests, r => r.Statement?.StartsWith("UNWIND $rows AS row MERGE", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task PlacesWrittenBeforeSearchNamesWereKeptGetThemAndNothingElseIsWritten()
    {
        var place = new Place("place:basra", "Basra", ["Al-Basrah"], null, PlaceKind.City, null, null);
        var batches = 0;
        await using var neo4j = new FakeQueryApi(statement => statement == Statements.UnnamedNodes
            ? batches++ == 0 ? Rows(["kind", "body"], $"[{Text("Place")},{Text(NodeJson.Serialize(place))}]") : Nothing
            : Counts(statement, legacy: false, unnamed: 1));

        var dryRun = await _work.RunAsync("neo4j", "migrate", "--dry-run", "--neo4j-uri", neo4j.Uri);
        var outcome = await _work.RunAsync("neo4j", "migrate", "--neo4j-uri", neo4j.Uri);

        Assert.Matches(@"nodes to name +1 ", dryRun.Output);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("converted 0 nodes and 0 relations (0 claims); gave 1 persons, organizations and places their search names; dropped 0 old indexes\n", outcome.Output);
        Assert.Contains("search names 1/1", outcome.Error);
        Assert.Contains(Statements.WriteNames, neo4j.Requests.Select(r => r.Statement));
        Assert.DoesNotContain(neo4j.Requests, r => r.Statement?.StartsWith("UNWIND $rows AS row MERGE", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task ClaimsOnStatementsThatAreGoneStopItBeforeAnyWrite()
    {
        await using var neo4j = new FakeQueryApi(s => Counts(s, danglingStatements: 2));

        var outcome = await _work.RunAsync("neo4j", "migrate", "--neo4j-uri", neo4j.Uri);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("2 statements named by claims no longer exist (e.g. statement:gone)", outcome.Error);
        Assert.DoesNotContain(neo4j.Requests, r => r.Path.Contains("/tx", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("neo4j migrate works on the Neo4j store, not 'Sqlite'", "--store", "Sqlite", "neo4j", "migrate")]
    [InlineData("--batch-size must be at least 1", "neo4j", "migrate", "--batch-size", "0")]
    public async Task MisuseIsABadUsageError(string problem, params string[] args)
    {
        var outcome = await _work.RunAsync(args);

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith($"conflictgraph: {problem}", outcome.Error);
        Assert.False(File.Exists(_work.StorePath));
    }

    [Fact]
    public async Task WithoutAServerAddressItNamesTheSetting()
    {
        var outcome = await _work.RunAsync("neo4j", "migrate", "--dry-run");
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("ConflictGraph:Neo4j:Uri", outcome.Error);
    }

    public void Dispose() => _work.Dispose();
}
