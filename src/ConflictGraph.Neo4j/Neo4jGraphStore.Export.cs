using System.Runtime.CompilerServices;
using ConflictGraph.Core.Model;
using ConflictGraph.Neo4j.Cypher;

namespace ConflictGraph.Neo4j;

public sealed partial class Neo4jGraphStore
{
    private const int ExportPage = 1000;

    /// <summary>Every node, in id order, a page at a time along the id constraint's index.</summary>
    public async IAsyncEnumerable<Node> ExportNodesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = "";
        while (true)
        {
            var page = await ReadAsync(Statements.ExportNodes, new { after, limit = ExportPage }, cancellationToken);
            foreach (var node in Rows.Nodes(page)) yield return node;
            if (page.Rows.Count < ExportPage) yield break;
            after = page.Records.Last().String("id");
        }
    }

    /// <summary>Every relation, one relation type after another, each a page at a time along its id index.</summary>
    public async IAsyncEnumerable<Relation> ExportRelationsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var type in Enum.GetValues<RelationType>())
        {
            var after = "";
            while (true)
            {
                var page = await ReadAsync(Statements.ExportRelations(type), new { after, limit = ExportPage }, cancellationToken);
                foreach (var row in page.Records) yield return Rows.Relation(row);
                if (page.Rows.Count < ExportPage) break;
                after = page.Records.Last().String("id");
            }
        }
    }
}
