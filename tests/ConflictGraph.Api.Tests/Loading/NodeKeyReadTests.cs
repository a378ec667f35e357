using ConflictGraph.Api.Tests.Infrastructure;

namespace ConflictGraph.Api.Tests.Loading;

/// <summary>
/// A selection of nodes that asks for nothing but id and __typename is answered from the nodes' keys, read from an
/// index without any node's body; any other field reads the bodies. Read from the store's statement trace with the read
/// cache off, as <see cref="StatementExecutionTests"/> does.
/// </summary>
public sealed class NodeKeyReadTests : IDisposable
{
    private const string Speakers = "{ actors(first: 20) { nodes { id statements(first: 5) { totalCount nodes { id } } } } }";
    private const string Connect = """
        query { paths(fromId: "person:john-kirby", toId: "org:kataib-hezbollah", maxDepth: 6, first: 3) { length nodes { id __typename } relations { type } } }
        """;

    private readonly StatementTrace trace = new();
    private readonly ConflictGraphApp app;

    public NodeKeyReadTests() => app = trace.App();

    [Fact]
    public async Task AnActorsStatementIdsComeFromTheReferenceIndexWithoutTheStatementsBodies()
    {
        await app.ReadyClientAsync();
        var withText = await app.PostGraphQLAsync(Speakers.Replace("nodes { id }", "nodes { id text }", StringComparison.Ordinal));
        trace.Lines.Clear();

        var idsOnly = await app.PostGraphQLAsync(Speakers);

        Assert.Empty(idsOnly.Errors);
        var statements = StatementIds(idsOnly.Data!);
        Assert.Equal(StatementIds(withText.Data!), statements);
        Assert.Contains(statements, s => s.Count > 0);
        AssertStatementPagesReadNoBodies();
    }

    [Fact]
    public async Task APathsNodeIdsAndTypesAreReadWithoutTheirBodies()
    {
        await app.ReadyClientAsync();
        trace.Lines.Clear();

        var keys = await app.PostGraphQLAsync(Connect);

        Assert.Empty(keys.Errors);
        var paths = keys.Data!["paths"]!.AsArray();
        Assert.NotEmpty(paths);
        var first = paths[0]!["nodes"]!.AsArray();
        Assert.Equal(("person:john-kirby", "Person"), ((string)first[0]!["id"]!, (string)first[0]!["__typename"]!));
        Assert.Equal(("org:kataib-hezbollah", "Organization"), ((string)first[^1]!["id"]!, (string)first[^1]!["__typename"]!));
        // The search reads its two ends' kinds and relation keys alone, and the paths' nodes are read as keys: no body.
        var bodies = trace.Lines.Where(sql => sql.Contains("body", StringComparison.Ordinal)).ToList();
        Assert.True(bodies.Count == 0, string.Join("\n", trace.Lines));
    }

    [Fact]
    public async Task AnyOtherFieldOrAFragmentReadsTheBodiesAndAnswersAsBefore()
    {
        await app.ReadyClientAsync();
        var keys = await app.PostGraphQLAsync(Connect);
        trace.Lines.Clear();

        var named = await app.PostGraphQLAsync("""
            query { paths(fromId: "person:john-kirby", toId: "org:kataib-hezbollah", maxDepth: 6, first: 3) { length nodes { id __typename ... on Actor { name } } relations { type } } }
            """);

        Assert.Empty(named.Errors);
        var paths = named.Data!["paths"]!.AsArray();
        Assert.Equal(keys.Data!["paths"]!.AsArray().Select(p => p!["nodes"]!.AsArray().Select(n => (string)n!["id"]!).ToList()),
            paths.Select(p => p!["nodes"]!.AsArray().Select(n => (string)n!["id"]!).ToList()));
        Assert.Equal("John Kirby", (string)paths[0]!["nodes"]![0]!["name"]!);
        // The paths' nodes' bodies, read once the paths are known; the search itself reads none.
        Assert.True(trace.Lines.Count(sql => sql.Contains("body", StringComparison.Ordinal)) == 1, string.Join("\n", trace.Lines));
    }

    [Theory]
    [InlineData("nodes { ... on Statement { id } }")]
    [InlineData("nodes { ...StatementId }", "fragment StatementId on Statement { id }")]
    [InlineData("edges { node { ...NodeKey } }", "fragment NodeKey on Node { id __typename }")]
    public async Task StatementIdsAskedThroughAFragmentOnTheirOwnTypeOrNodeComeWithoutTheirBodies(string selection, string fragment = "")
    {
        await app.ReadyClientAsync();
        var withText = await app.PostGraphQLAsync(Speakers.Replace("nodes { id }", "nodes { id text }", StringComparison.Ordinal));
        trace.Lines.Clear();

        var throughFragment = await app.PostGraphQLAsync(Speakers.Replace("nodes { id }", selection, StringComparison.Ordinal) + " " + fragment);

        Assert.Empty(throughFragment.Errors);
        var expected = StatementIds(withText.Data!);
        var actual = throughFragment.Data!["actors"]!["nodes"]!.AsArray().Select(a => a!["statements"]!)
            .Select(page => (page["nodes"] ?? page["edges"])!.AsArray().Select(n => (string)(n!["node"] ?? n)!["id"]!).ToList()).ToList();
        Assert.Equal(expected, actual);
        Assert.Contains(actual, s => s.Count > 0);
        AssertStatementPagesReadNoBodies();
    }

    [Fact]
    public async Task APathsNodesAskedThroughAFragmentOnNodeAreReadWithoutTheirBodies()
    {
        await app.ReadyClientAsync();
        var keys = await app.PostGraphQLAsync(Connect);
        trace.Lines.Clear();

        var throughFragment = await app.PostGraphQLAsync(Connect.Replace("nodes { id __typename }", "nodes { ... on Node { id __typename } }", StringComparison.Ordinal));

        Assert.Empty(throughFragment.Errors);
        Assert.Equal(keys.Data!.ToJsonString(), throughFragment.Data!.ToJsonString());
        Assert.True(trace.Lines.Count(sql => sql.Contains("body", StringComparison.Ordinal)) == 0, string.Join("\n", trace.Lines));
    }

    private static List<List<string>> StatementIds(System.Text.Json.Nodes.JsonNode data) =>
        data["actors"]!["nodes"]!.AsArray()
            .Select(a => a!["statements"]!["nodes"]!.AsArray().Select(s => (string)s!["id"]!).ToList()).ToList();


    /// <summary>The statements pages the trace saw: at least one, and none of them reads a node's body.</summary>
    private void AssertStatementPagesReadNoBodies()
    {
        var pages = trace.Lines.Where(sql => sql.Contains("FROM node_refs", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(pages);
        Assert.All(pages, sql => Assert.DoesNotContain("body", sql));
    }

    public void Dispose() => app.Dispose();
}
