using System.Text.RegularExpressions;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Import.Sources;

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

    private static JsonFileSource Source() => new(Directory.GetFiles(SeedFolder, "*.json").Order(StringComparer.Ordinal).ToList());

    [Fact]
    public async Task TheSeedFolderReadsAndValidatesWithoutAProblem()
    {
        var source = Source();
        Assert.Empty((await GraphValidator.ValidateAsync(source, null, CancellationToken.None)).Problems);
        Assert.Empty(source.ReadProblems);
    }

    [Fact]
    public async Task EveryIdFollowsTheConvention()
    {
        await foreach (var (_, item) in Source().ReadAsync(SectionGroup.Nodes, CancellationToken.None))
        {
            var node = GraphInputMapper.ToNode(item!);
            var prefix = node.Kind == Model.NodeKind.Organization ? "org" : Model.EnumNames.Of(node.Kind).ToLowerInvariant();
            Assert.Matches(IdPattern(), node.Id);
            Assert.StartsWith(prefix + ":", node.Id);
        }
    }

    [GeneratedRegex("^[a-z]+:[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
