using System.Text.RegularExpressions;
using ConflictGraph.Core.Import;

namespace ConflictGraph.Core.Tests.Seed;

public sealed partial class SeedFilesTests
{
    private static string SeedFolder
    {
        get
        {
            // The repository this test was built from (see Directory.Build.props).
            var root = typeof(SeedFilesTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
                .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;
            return Path.Combine(root, "seed");
        }
    }

    private static async Task<GraphRead> ReadAsync() =>
        await GraphInputReader.ReadFilesAsync(Directory.GetFiles(SeedFolder, "*.json").Order(StringComparer.Ordinal), CancellationToken.None);

    [Fact]
    public async Task TheSeedFolderReadsAndValidatesWithoutAProblem()
    {
        var read = await ReadAsync();
        Assert.Empty(read.Problems);
        Assert.Empty(await GraphValidator.ValidateAsync(read.Input, read.Origins, null, CancellationToken.None));
    }

    [Fact]
    public async Task EveryIdFollowsTheConvention()
    {
        var batch = GraphInputMapper.ToBatch((await ReadAsync()).Input);
        foreach (var node in batch.Nodes)
        {
            var prefix = node.Kind == Model.NodeKind.Organization ? "org" : Model.EnumNames.Of(node.Kind).ToLowerInvariant();
            Assert.Matches(IdPattern(), node.Id);
            Assert.StartsWith(prefix + ":", node.Id);
        }
    }

    [GeneratedRegex("^[a-z]+:[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
