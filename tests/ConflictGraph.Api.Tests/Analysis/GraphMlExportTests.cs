using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using ConflictGraph.Api.Tests.Infrastructure;

namespace ConflictGraph.Api.Tests.Analysis;

/// <summary>/export/graph.graphml: a node's neighbourhood as GraphML that graph tools read, within bounds.</summary>
public sealed class GraphMlExportTests(AnalysisApp analysis) : IClassFixture<AnalysisApp>
{
    private static readonly XNamespace GraphMl = "http://graphml.graphdrawing.org/xmlns";

    private async Task<(HttpResponseMessage Response, string Body)> GetAsync(string path, ConflictGraphApp? app = null)
    {
        var response = await (await (app ?? analysis.App).ReadyClientAsync()).GetAsync(path);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ANeighbourhoodIsGraphMlWithDeclaredKeysAndEdgesBetweenItsNodes()
    {
        var (response, body) = await GetAsync("/export/graph.graphml?id=event:agg-rockets");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphml+xml", response.Content.Headers.ContentType!.MediaType);
        var root = XDocument.Parse(body).Root!;
        Assert.Equal(GraphMl + "graphml", root.Name);
        var keys = root.Elements(GraphMl + "key").ToDictionary(k => (string)k.Attribute("id")!);
        Assert.All(keys.Values, k => Assert.Contains((string)k.Attribute("attr.type")!, new[] { "string", "int", "double" }));
        Assert.Equal("double", (string)keys["latitude"].Attribute("attr.type")!);
        var graph = root.Element(GraphMl + "graph")!;
        Assert.Equal("directed", (string)graph.Attribute("edgedefault")!);
        var nodes = graph.Elements(GraphMl + "node").ToDictionary(n => (string)n.Attribute("id")!);
        Assert.Equal(["event:agg-rockets", "org:red-brigade", "place:graustark-border", "place:strelsau"], nodes.Keys);
        string Data(XElement element, string key) => (string)element.Elements(GraphMl + "data").Single(d => (string)d.Attribute("key")! == key);
        Assert.Equal(("Rockets across the border", "EVENT", "ROCKET_ATTACK", "0"),
            (Data(nodes["event:agg-rockets"], "label"), Data(nodes["event:agg-rockets"], "kind"), Data(nodes["event:agg-rockets"], "subkind"), Data(nodes["event:agg-rockets"], "depth")));
        Assert.Equal("45.5", Data(nodes["place:strelsau"], "latitude"));
        var edges = graph.Elements(GraphMl + "edge").ToList();
        Assert.Equal(3, edges.Count);
        Assert.All(edges, e => Assert.True(nodes.ContainsKey((string)e.Attribute("source")!) && nodes.ContainsKey((string)e.Attribute("target")!)));
        var carried = edges.Single(e => Data(e, "type") == "CARRIED_OUT");
        Assert.Equal(("org:red-brigade", "DISPUTED", "1", "1"), ((string)carried.Attribute("source")!, Data(carried, "status"), Data(carried, "claimed_by"), Data(carried, "disputed_by")));
        Assert.All(root.Descendants(GraphMl + "data"), d => Assert.Contains((string)d.Attribute("key")!, keys.Keys));
    }

    [Fact]
    public async Task ADeeperNeighbourhoodReachesFartherWithEachNodesDistance()
    {
        var (_, body) = await GetAsync("/export/graph.graphml?id=event:agg-rockets&depth=2");
        var nodes = XDocument.Parse(body).Descendants(GraphMl + "node")
            .ToDictionary(n => (string)n.Attribute("id")!, n => (string)n.Elements(GraphMl + "data").Single(d => (string)d.Attribute("key")! == "depth"));
        Assert.Equal("2", nodes["place:ruritania-north"]);
        Assert.Equal("2", nodes["event:agg-strike-1"]);
        Assert.Equal("1", nodes["org:red-brigade"]);
    }

    [SkippableFact]
    public async Task NetworkxReadsTheExportWithItsTypes()
    {
        var (_, body) = await GetAsync("/export/graph.graphml?id=event:agg-rockets&depth=2");
        var file = Path.Combine(Path.GetTempPath(), $"conflictgraph-{Guid.NewGuid():N}.graphml");
        await File.WriteAllTextAsync(file, body);
        try
        {
            const string Script = "import sys, networkx as nx; g = nx.read_graphml(sys.argv[1]); " +
                                  "print(g.number_of_nodes(), g.number_of_edges(), type(g.nodes['place:strelsau']['latitude']).__name__, g.is_directed())";
            var (exit, output) = await RunAsync("python3", "-c", Script, file);
            Skip.If(exit != 0 && (output.Contains("No module named") || output.Contains("not found")), $"python3 with networkx is not installed here: {output.Trim()}");
            Assert.True(exit == 0, output);
            var expected = XDocument.Parse(body).Descendants(GraphMl + "node").Count();
            Assert.Equal($"{expected} {XDocument.Parse(body).Descendants(GraphMl + "edge").Count()} float True", output.Trim());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("/export/graph.graphml", HttpStatusCode.BadRequest, "id: give the id")]
    [InlineData("/export/graph.graphml?id=event:agg-rockets&depth=0", HttpStatusCode.BadRequest, "depth: '0' is not a whole number from 1 to 3")]
    [InlineData("/export/graph.graphml?id=event:agg-rockets&depth=9", HttpStatusCode.BadRequest, "depth: '9' is not a whole number from 1 to 3")]
    [InlineData("/export/graph.graphml?id=event:agg-rockets&depth=two", HttpStatusCode.BadRequest, "depth: 'two'")]
    [InlineData("/export/graph.graphml?id=event:nothing", HttpStatusCode.NotFound, "id: no node 'event:nothing'")]
    public async Task BadRequestsAreRefusedNamingTheParameter(string path, HttpStatusCode status, string message)
    {
        var (response, body) = await GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        Assert.StartsWith(message, JsonNode.Parse(body)!["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task ANeighbourhoodLargerThanTheBoundIsRefusedBeforeAnythingIsSent()
    {
        using var small = ConflictGraphApp.With(new Dictionary<string, string?> { ["ConflictGraph:Exports:MaxGraphNodes"] = "5" });
        var (response, body) = await GetAsync("/export/graph.graphml?id=place:syria&depth=2", small);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("holds more than 5 nodes", JsonNode.Parse(body)!["errors"]![0]!["message"]!.GetValue<string>());
    }

    private static async Task<(int Exit, string Output)> RunAsync(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(info)!;
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (127, $"{program} not found: {e.Message}");
        }
    }
}
