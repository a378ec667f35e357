using System.Reflection;
using System.Text.Json.Nodes;
using ConflictGraph.Api.Tests.Infrastructure;
using ConflictGraph.Core.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictGraph.Api.Tests.Loading;

/// <summary>
/// A node's relation lists come in relation id order whatever order the store hands a level's relations back in: the
/// loaders keep a list that is in order as it is, and sort one that is not.
/// </summary>
public sealed class RelationOrderTests : IDisposable
{
    private const string Query = """
        { events(first: 30) { nodes { id relations { id } perpetrators { id } places { id } statements { id } } } }
        """;

    private readonly ConflictGraphApp plain = ConflictGraphApp.With(new Dictionary<string, string?> { ["ConflictGraph:Caching:StoreReads"] = "false" });
    private readonly ConflictGraphApp reversed = ConflictGraphApp.With(
        new Dictionary<string, string?> { ["ConflictGraph:Caching:StoreReads"] = "false" }, ReversingStore.Install);

    [Fact]
    public async Task RelationsHandedBackOutOfOrderAnswerAsInOrder()
    {
        await plain.ReadyClientAsync();
        await reversed.ReadyClientAsync();

        var expected = await plain.PostGraphQLAsync(Query);
        var actual = await reversed.PostGraphQLAsync(Query);

        Assert.Empty(expected.Errors);
        Assert.Empty(actual.Errors);
        var lists = expected.Data!["events"]!["nodes"]!.AsArray().Select(e => e!["relations"]!.AsArray()).ToList();
        // The seed gives events with several relations, so the reversed store did hand some back out of order.
        Assert.Contains(lists, l => l.Count >= 3);
        Assert.All(lists, l => Assert.Equal(l.Select(r => (string)r!["id"]!).Order(StringComparer.Ordinal), l.Select(r => (string)r!["id"]!)));
        Assert.Equal(expected.Body.ToJsonString(), actual.Body.ToJsonString());
    }

    public void Dispose()
    {
        plain.Dispose();
        reversed.Dispose();
    }

    /// <summary>The real store, with every expansion's relations in reverse order.</summary>
    public class ReversingStore : StoreProxy
    {
        public static void Install(IServiceCollection services) => Install<ReversingStore>(services, _ => { });

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            var result = Forward(method!, args);
            return method!.Name == nameof(IGraphStore.ExpandAsync) ? ReversedAsync((Task<Neighborhood>)result!) : result;
        }

        private static async Task<Neighborhood> ReversedAsync(Task<Neighborhood> expansion)
        {
            var found = await expansion;
            return found with { Relations = [.. found.Relations.Reverse()] };
        }
    }
}
