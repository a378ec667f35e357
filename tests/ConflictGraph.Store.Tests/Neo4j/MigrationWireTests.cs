using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Neo4j.Cypher;
using ConflictGraph.Neo4j.Layout;
using ConflictGraph.Neo4j.Migration;
using static ConflictGraph.Store.Tests.Neo4j.WireScripts;

namespace ConflictGraph.Store.Tests.Neo4j;

/// <summary>The layout migration against a scripted server holding a small graph in the layout before 2026-12.</summary>
public sealed class MigrationWireTests
{
    private static LayoutMigration Migration(ScriptedServer server) => new(WireScripts.Store(server).Store.Client);

    private static readonly Node[] Nodes =
    [
        new Person("person:a", "A", [], null, [new Role("adviser", "org:b")]),
        new Organization("org:b", "B", [], null, OrganizationKind.ArmedGroup, null),
        new Statement("statement:s", "said", Stance.Asserts, null, null, "person:a", null, null, ["org:b"], null, []),
    ];

    private static readonly Relation[] Relations =
    [
        new(RelationType.MemberOf, "person:a", "org:b", ["statement:s"], []),
        new(RelationType.BackedBy, "org:b", "person:a", [], ["statement:s"]),
    ];

    [Fact]
    public async Task TheDryRunCountsWhatIsLeftAndWritesNothing()
    {
        var legacy = new LegacyServer(Nodes, Relations);

        var counts = await Migration(legacy.Server).CountAsync(CancellationToken.None);

        Assert.Equal((3L, 2L, 2L), (counts.Nodes, counts.Relations, counts.Claims));
        Assert.Equal(2, counts.NodesByKind["PERSON"] + counts.NodesByKind["STATEMENT"]);
        Assert.Equal(["conflictgraph_rel_type"], counts.Indexes);
        Assert.False(counts.Current);
        Assert.All(legacy.Server.Requests, r => Assert.Contains("\"accessMode\":\"Read\"", r.Body));
        Assert.DoesNotContain(legacy.Server.Requests, r => r.Path.Contains("/tx", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AClaimOnAStatementThatIsGoneStopsTheMigrationBeforeAnyWrite()
    {
        var legacy = new LegacyServer(Nodes, Relations) { Dangling = 1 };

        var error = await Assert.ThrowsAsync<MigrationRefusedException>(() => Migration(legacy.Server).RunAsync(10, null, CancellationToken.None));

        Assert.Contains("statement:gone", error.Message);
        Assert.All(legacy.Server.Requests, r => Assert.Contains("\"accessMode\":\"Read\"", r.Body));
    }

    [Fact]
    public async Task EachBatchIsItsOwnTransactionUntilNothingIsLeft()
    {
        var legacy = new LegacyServer(Nodes, Relations);
        var steps = new List<MigrationProgress>();

        await Migration(legacy.Server).RunAsync(2, new SynchronousProgress<MigrationProgress>(steps.Add), CancellationToken.None);

        // Nodes in batches of 2 (2, 1, then an empty batch), relations likewise (2, then empty).
        Assert.Equal(["nodes 2/3", "nodes 3/3", "relations 2/2", "indexes 1/1"], steps.Select(s => $"{s.Step} {s.Done}/{s.Total}"));
        var requests = legacy.Server.Requests;
        Assert.Equal(5, requests.Count(r => r.Path.EndsWith("/tx", StringComparison.Ordinal)));
        Assert.Equal(5, requests.Count(r => r.Path.EndsWith("/commit", StringComparison.Ordinal)));
        var statements = requests.Select(r => StatementOf(r.Body)).OfType<string>().ToList();
        Assert.Contains(Statements.WriteNodes(NodeKind.Person), statements);
        Assert.Contains(Statements.WriteReferences, statements);
        Assert.Contains(Statements.WriteRelations(RelationType.BackedBy), statements);
        Assert.Equal(Legacy.Indexes.Count, statements.Count(s => s.StartsWith("DROP INDEX", StringComparison.Ordinal)));
        Assert.True(statements.IndexOf(statements.First(s => s.StartsWith("DROP INDEX", StringComparison.Ordinal))) > statements.LastIndexOf(LegacyStatements.DeleteRelations),
            "the old layout's indexes serve the conversion, so they go last");

        var claims = requests.Where(r => StatementOf(r.Body) == Statements.WriteClaims).SelectMany(r => ParametersOf(r.Body)["claims"]!.AsArray()).ToList();
        Assert.Equal(["statement:s org:b-[BACKED_BY]->person:a DISPUTES", "statement:s person:a-[MEMBER_OF]->org:b CLAIMS"],
            claims.Select(c => $"{c!["key"]!.GetValue<string>()} {c["position"]!.GetValue<string>()}").Order());
        var statuses = requests.Where(r => StatementOf(r.Body)?.Contains("MERGE (a)-[r:", StringComparison.Ordinal) == true)
            .SelectMany(r => ParametersOf(r.Body)["rels"]!.AsArray()).Select(r => r!["status"]!.GetValue<string>()).Order();
        Assert.Equal(["DENIED", "UNCONTESTED"], statuses);
        var deleted = requests.Single(r => StatementOf(r.Body) == LegacyStatements.DeleteRelations);
        Assert.Equal(2, ParametersOf(deleted.Body)["rels"]!.AsArray().Count);
    }

    [Fact]
    public async Task ConvertedEventsGetTheKilledTallyOfTheirReportsAfterEveryNodeIsConverted()
    {
        var strike = new Event("event:e", "E", EventKind.Airstrike, null, null);
        var report = new Statement("statement:r", "four died", Stance.Asserts, null, null, null, "org:b", null, [], null,
            [new CasualtyReport("event:e", 4, 4, null, null, null)]);
        var legacy = new LegacyServer([.. Nodes, strike, report], Relations);
        legacy.Server.Otherwise(body => StatementOf(body) == Statements.CasualtyStatements
            ? ScriptedServer.Rows(["kind", "body"], $"[{ScriptedServer.Text("Statement")},{ScriptedServer.Text(Core.Import.NodeJson.Serialize(report))}]")
            : legacy.Answer(body));
        var steps = new List<MigrationProgress>();

        await Migration(legacy.Server).RunAsync(10, new SynchronousProgress<MigrationProgress>(steps.Add), CancellationToken.None);

        Assert.Equal(["nodes 5/5", "relations 2/2", "event tallies 1/1", "indexes 1/1"], steps.Select(s => $"{s.Step} {s.Done}/{s.Total}"));
        var statements = legacy.Server.Requests.Select(r => StatementOf(r.Body)).ToList();
        Assert.True(statements.IndexOf(Statements.WriteEventTallies) > statements.LastIndexOf(Statements.WriteReferences),
            "an event is tallied once the references of every statement that reports on it exist");
        var row = ParametersOf(legacy.Server.Requests.Single(r => StatementOf(r.Body) == Statements.WriteEventTallies).Body)["rows"]!.AsArray().Single()!;
        Assert.Equal("event:e", row["id"]!.GetValue<string>());
        // Counted, with a best, not open-ended; low 4, best 4, high 4.
        Assert.Equal([1L, 1, 0, 4, 4, 4], row["t"]!.AsArray().Select(v => v!.GetValue<long>()));
    }

    [Fact]
    public async Task NodesWrittenBeforeSearchNamesWereKeptGetTheirNamesInBatchesAndNothingElse()
    {
        var unnamed = new Node[]
        {
            new Person("person:z", "Zaid Ahmad", ["Abu Zaid"], null, []),
            new Organization("org:y", "Harakat Y", [], null, OrganizationKind.ArmedGroup, null),
            new Place("place:x", "Qaim", ["Al-Qa'im"], null, PlaceKind.City, null),
        };
        var legacy = new LegacyServer([], []) { Unnamed = unnamed };
        var migration = Migration(legacy.Server);
        var steps = new List<MigrationProgress>();

        Assert.Equal(3, (await migration.CountAsync(CancellationToken.None)).UnnamedNodes);
        var done = await migration.RunAsync(2, new SynchronousProgress<MigrationProgress>(steps.Add), CancellationToken.None);

        Assert.Equal(3, done.UnnamedNodes);
        Assert.Equal(["search names 2/3", "search names 3/3", "indexes 1/1"], steps.Select(s => $"{s.Step} {s.Done}/{s.Total}"));
        var requests = legacy.Server.Requests;
        var named = requests.Where(r => StatementOf(r.Body) == Statements.WriteNames)
            .SelectMany(r => ParametersOf(r.Body)["rows"]!.AsArray()).Select(r => $"{r!["id"]!.GetValue<string>()}={r["names"]!.GetValue<string>()}");
        Assert.Equal(unnamed.Select(n => $"{n.Id}={SearchText.Names(n)}"), named);
        Assert.Equal(["person:z=zaid ahmad abu zaid", "org:y=harakat y", "place:x=qaim al qaim"], named);
        Assert.DoesNotContain(requests, r => StatementOf(r.Body) is { } s && (s.StartsWith("UNWIND $rows AS row MERGE", StringComparison.Ordinal) || s == Statements.WriteReferences));
        Assert.Contains(Statements.BumpVersion, requests.Select(r => StatementOf(r.Body)));
        // A transaction per batch: 2, 1, then the empty one that finds nothing left.
        Assert.Equal(3, requests.Count(r => r.Path.EndsWith("/commit", StringComparison.Ordinal)));
    }
}
