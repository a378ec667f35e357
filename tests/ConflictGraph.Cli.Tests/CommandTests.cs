namespace ConflictGraph.Cli.Tests;

public sealed class CommandTests : IDisposable
{
    private readonly Workspace _work = new();

    [Fact]
    public async Task ImportPrintsCountsAndASecondImportCreatesNothing()
    {
        var (file, graph) = await _work.GenerateAsync("graph.json", events: 60);

        var first = await _work.RunAsync("import", file);
        var second = await _work.RunAsync("import", file);

        Assert.Equal(0, first.ExitCode);
        Assert.Matches($@"^created {graph.Nodes}, updated 0, unchanged 0, relations created {graph.Relations}, relations updated 0 in \d+\.\d s", first.Output);
        Assert.Equal(0, second.ExitCode);
        Assert.Matches($@"^created 0, updated 0, unchanged {graph.Nodes}, relations created 0, relations updated 0 in", second.Output);
    }

    [Fact]
    public async Task ValidateNamesEveryProblemWithItsPathAndLeavesTheStoreUnchanged()
    {
        var (good, _) = await _work.GenerateAsync("graph.json", events: 20);
        await _work.RunAsync("import", good);
        var before = (await _work.RunAsync("stats")).Output;
        var broken = _work.Write("broken.json", """
            { "events": [ { "id": "event:a", "title": "A", "kind": "AIRSTRKE", "date": { "start": "2021-06-27", "end": "2021-06-01", "precision": "DAY" } } ],
              "relations": [ { "type": "OCCURRED_IN", "fromId": "event:a", "toId": "place:nowhere" } ] }
            """);

        var outcome = await _work.RunAsync("validate", broken);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains($"{broken}: events[0].kind: 'AIRSTRKE' is not an EventKind (one of AIRSTRIKE, ", outcome.Output);
        Assert.Contains($"{broken}: events[0].date.end: before start", outcome.Output);
        Assert.Contains($"{broken}: relations[0].toId: no node 'place:nowhere' in the batch or the store", outcome.Output);
        Assert.Contains("3 problem(s)", outcome.Output);
        Assert.Equal(before, (await _work.RunAsync("stats")).Output);
    }

    [Fact]
    public async Task ValidateResolvesReferencesAgainstTheStore()
    {
        var (good, _) = await _work.GenerateAsync("graph.json", events: 20);
        await _work.RunAsync("import", good);
        var addition = _work.Write("addition.json", """
            { "events": [ { "id": "event:new", "title": "New", "kind": "PROTEST" } ],
              "relations": [ { "type": "CARRIED_OUT", "fromId": "org:c00-armed-forces", "toId": "event:new" } ] }
            """);

        var outcome = await _work.RunAsync("validate", addition);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("valid: 1 nodes, 1 relations", outcome.Output.Trim());
    }

    [Fact]
    public async Task AnInvalidImportWritesNothing()
    {
        var broken = _work.Write("broken.json", """
            { "persons": [ { "id": "person:a", "name": "A" } ], "events": [ { "id": "event:a", "kind": "AIRSTRIKE" } ] }
            """);

        var outcome = await _work.RunAsync("import", broken);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains($"{broken}: events[0].title: required", outcome.Error);
        Assert.Contains("nothing was written", outcome.Error);
        Assert.StartsWith("nodes 0\nrelations 0", (await _work.RunAsync("stats")).Output);
    }

    [Fact]
    public async Task ANodeCannotChangeItsKindAndTheFileAndItemAreNamed()
    {
        var first = _work.Write("first.json", """{ "persons": [ { "id": "person:a", "name": "A" } ] }""");
        Assert.Equal(0, (await _work.RunAsync("import", first)).ExitCode);
        var turned = _work.Write("turned.json", """
            { "persons": [ { "id": "person:b", "name": "B" } ],
              "organizations": [ { "id": "org:c", "name": "C", "kind": "OTHER" }, { "id": "person:a", "name": "A Group", "kind": "OTHER" } ] }
            """);

        var outcome = await _work.RunAsync("import", turned);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains($"{turned}: organizations[1].id: node 'person:a' is stored as PERSON and cannot become ORGANIZATION", outcome.Error);
        Assert.Contains("nothing was written", outcome.Error);
        Assert.StartsWith("nodes 1\n", (await _work.RunAsync("stats")).Output);
    }

    [Fact]
    public async Task ExportThenImportIntoAFreshStoreRoundTrips()
    {
        var (file, _) = await _work.GenerateAsync("graph.json", events: 80);
        await _work.RunAsync("import", file);

        var exported = await _work.RunAsync("export", _work.PathOf("a.json"));
        var fresh = _work.PathOf("fresh.db");
        var imported = await Workspace.RunOnAsync(fresh, "import", _work.PathOf("a.json"));
        await Workspace.RunOnAsync(fresh, "export", _work.PathOf("b.json"));

        Assert.Equal(0, exported.ExitCode);
        Assert.Equal(0, imported.ExitCode);
        Assert.Equal(File.ReadAllText(_work.PathOf("a.json")), File.ReadAllText(_work.PathOf("b.json")));
        Assert.Equal((await _work.RunAsync("stats")).Output, (await Workspace.RunOnAsync(fresh, "stats")).Output);
    }

    [Fact]
    public async Task StatsCountsNodesAndRelationsPerKind()
    {
        var file = _work.Write("small.json", """
            { "persons": [ { "id": "person:kirby", "name": "John Kirby" } ],
              "organizations": [ { "id": "org:dod", "name": "Department of Defense", "kind": "GOVERNMENT" } ],
              "relations": [ { "type": "MEMBER_OF", "fromId": "person:kirby", "toId": "org:dod" } ] }
            """);
        await _work.RunAsync("import", file);

        var stats = await _work.RunAsync("stats");

        Assert.Equal(0, stats.ExitCode);
        var lines = stats.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["nodes 2", "relations 1"], lines[..2]);
        Assert.Contains(lines, l => l.StartsWith("PERSON") && l.EndsWith(" 1"));
        Assert.Contains(lines, l => l.StartsWith("ORGANIZATION") && l.EndsWith(" 1"));
        Assert.Contains(lines, l => l.StartsWith("EVENT") && l.EndsWith(" 0"));
    }

    [Fact]
    public async Task FactsAndCharacterizedClaimsImportValidateAndExportThroughTheCli()
    {
        var file = _work.Write("claims.json", """
            { "places": [ { "id": "place:depot", "name": "Depot", "kind": "SITE" } ],
              "events": [ { "id": "event:strike", "title": "Strike", "kind": "AIRSTRIKE" }, { "id": "event:drones", "title": "Drones", "kind": "DRONE_ATTACK" } ],
              "statements": [ { "id": "statement:us", "text": "T", "stance": "DEFENDS" }, { "id": "statement:pmf", "text": "T", "stance": "DENIES" } ],
              "relations": [ { "type": "RESPONSE_TO", "fromId": "event:strike", "toId": "event:drones",
                               "claims": [ { "statementId": "statement:us", "characterization": "defensive" } ] } ],
              "facts": [ { "subjectId": "place:depot", "property": "function", "value": "weapons storage",
                           "claims": [ { "statementId": "statement:us" }, { "statementId": "statement:pmf", "position": "DISPUTES" } ] } ] }
            """);
        Assert.Matches("^created 5, updated 0, unchanged 0, relations created 1, relations updated 0, facts created 1, facts updated 0 in", (await _work.RunAsync("import", file)).Output);
        Assert.Equal("valid: 5 nodes, 1 relations, 1 facts", (await _work.RunAsync("validate", file)).Output.Trim());
        Assert.Matches("facts created 0, facts updated 0 in", (await _work.RunAsync("import", file)).Output);

        var exported = await _work.RunAsync("export", _work.PathOf("out.json"));
        Assert.Equal($"exported 5 nodes, 1 relations, 1 facts to {_work.PathOf("out.json")}", exported.Output.Trim());
        var json = File.ReadAllText(_work.PathOf("out.json"));
        Assert.Contains("\"characterization\": \"defensive\"", json);
        Assert.Contains("\"position\": \"DISPUTES\"", json);

        var bad = _work.Write("bad.json", """
            { "facts": [ { "subjectId": "place:nowhere", "property": "function", "value": "x", "claims": [ { "statementId": "statement:us" } ] } ] }
            """);
        var refused = await _work.RunAsync("import", bad);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"{bad}: facts[0].subjectId: no node 'place:nowhere' in the batch or the store", refused.Error);
    }

    public void Dispose() => _work.Dispose();
}
