using System.Collections.Concurrent;
using System.Reflection;
using ConflictGraph.Api.Tests.Infrastructure;
using ConflictGraph.Core.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictGraph.Api.Tests.Loading;

/// <summary>
/// What a query level's expansion reads, seen at the store under a request with the read cache off: a node found at
/// one level is not read again when the next level expands its relations.
/// </summary>
public sealed class ExpansionReadTests : IDisposable
{
    private const string Strikes = "event:2021-06-27-us-airstrikes";

    private readonly ConcurrentQueue<(IReadOnlyList<string> Expanded, IReadOnlyList<string> Read)> expansions = new();
    private readonly ConflictGraphApp app;

    public ExpansionReadTests() => app = ConflictGraphApp.With(
        new Dictionary<string, string?> { ["ConflictGraph:Caching:StoreReads"] = "false" },
        services => RecordingStore.Install(services, expansions));

    [Fact]
    public async Task TheEventFoundAtLevelOneIsNotReadAgainToExpandItsRelations()
    {
        await app.ReadyClientAsync();
        expansions.Clear();

        var response = await app.PostGraphQLAsync("""
            query($id: ID!) { node(id: $id) { id ... on Event { title perpetrators { id } place { id }
              respondsTo { from { id ... on Event { title } } to { id } } subEvents { id partOf { id } } } } }
            """, new { id = Strikes });

        Assert.Empty(response.Errors);
        var strikes = response.Data!["node"]!;
        Assert.Equal(["org:us-air-force", "org:us-military"], strikes["perpetrators"]!.AsArray().Select(p => (string)p!["id"]!).Order());
        Assert.NotNull(strikes["place"]);
        // The relation's near end is the event itself, answered from level 1.
        var response1 = Assert.Single(strikes["respondsTo"]!.AsArray())!;
        Assert.Equal((Strikes, (string)strikes["title"]!), ((string)response1["from"]!["id"]!, (string)response1["from"]!["title"]!));
        Assert.Equal("event:2021-04-drone-attacks-iraq", (string)response1["to"]!["id"]!);
        Assert.All(strikes["subEvents"]!.AsArray(), e => Assert.Equal(Strikes, (string)e!["partOf"]!["id"]!));

        var calls = expansions.ToList();
        Assert.Equal(3, calls.Count);
        Assert.Equal([Strikes], calls[0].Read);
        var level2 = calls[1];
        Assert.Contains(Strikes, level2.Expanded);
        Assert.DoesNotContain(Strikes, level2.Read);
        Assert.Contains("org:us-air-force", level2.Read);
        Assert.Contains("event:2021-04-drone-attacks-iraq", level2.Read);
    }

    public void Dispose() => app.Dispose();

    /// <summary>The real store, recording each expansion's expanded node ids and the node ids it read.</summary>
    public class RecordingStore : StoreProxy
    {
        private ConcurrentQueue<(IReadOnlyList<string>, IReadOnlyList<string>)> calls = null!;

        public static void Install(IServiceCollection services, ConcurrentQueue<(IReadOnlyList<string>, IReadOnlyList<string>)> calls) =>
            Install<RecordingStore>(services, self => self.calls = calls);

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            var result = Forward(method!, args);
            return method!.Name == nameof(IGraphStore.ExpandAsync) ? RecordedAsync((IReadOnlyCollection<ExpandRequest>)args![0]!, (Task<Neighborhood>)result!) : result;
        }

        private async Task<Neighborhood> RecordedAsync(IReadOnlyCollection<ExpandRequest> requests, Task<Neighborhood> expansion)
        {
            var found = await expansion;
            calls.Enqueue((requests.Select(r => r.NodeId).Distinct().ToList(), found.Nodes.Select(n => n.Id).ToList()));
            return found;
        }
    }
}
