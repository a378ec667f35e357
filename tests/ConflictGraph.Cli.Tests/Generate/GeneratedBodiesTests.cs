using ConflictGraph.Cli.Generate;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;

namespace ConflictGraph.Cli.Tests.Generate;

/// <summary>The bodies of the generated graph (the benchmark stores' nodes) as the store reads them back.</summary>
public sealed class GeneratedBodiesTests
{
    [Fact]
    public void EveryGeneratedNodeIsReadByItsKindsPlainReaderAsTheSerializerReadsIt()
    {
        var graph = GraphGenerator.Whole(new GenerationSettings(Events: 2_000, Seed: 1));
        IEnumerable<object> inputs = [.. graph.Persons ?? [], .. graph.Organizations ?? [], .. graph.Places ?? [], .. graph.Events ?? [],
            .. graph.Sources ?? [], .. graph.Statements ?? []];
        var read = 0;
        foreach (var input in inputs)
        {
            var node = GraphInputMapper.ToNode(input);
            var body = NodeJson.SerializeToUtf8(node);
            var kind = EnumNames.Of(node.Kind);

            Assert.NotNull(NodeJson.ReadPlainly(node.Kind, body));
            Assert.Equal(NodeJson.Serialize(NodeJson.Deserialize(kind, body)), NodeJson.Serialize(NodeJson.Parse(kind, body)));
            read++;
        }
        Assert.True(read > 2_000, $"{read} nodes");
    }
}
