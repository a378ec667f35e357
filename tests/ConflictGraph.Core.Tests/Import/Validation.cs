using ConflictGraph.Core.Import;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Core.Tests.Import;

/// <summary>Runs a JSON document through the reader and validator, giving the lines a user would see.</summary>
internal static class Validation
{
    public static async Task<List<string>> ProblemsAsync(string json, IGraphStore? store = null)
    {
        var read = GraphInputReader.Read(json);
        Assert.Empty(read.Problems);
        var problems = await GraphValidator.ValidateAsync(read.Input, store ?? new RecordingStore(), CancellationToken.None);
        return problems.Select(p => p.ToString()).ToList();
    }

    public static async Task<string> OnlyProblemAsync(string json, IGraphStore? store = null) =>
        Assert.Single(await ProblemsAsync(json, store));
}
