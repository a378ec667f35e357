using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Neo4j.Cypher;
using ConflictGraph.Neo4j.Migration;
using static ConflictGraph.Store.Tests.Neo4j.WireScripts;

namespace ConflictGraph.Store.Tests.Neo4j;

/// <summary>
/// A scripted server holding a graph in the layout before 2026-12; it hands out the legacy nodes and relations a batch at a time, as the real
/// selection would, and then each converted event as one without a killed tally until the migration has given it one, and any current-layout nodes
/// without search's names until it has named them.
/// </summary>
public sealed class LegacyServer
{
    private readonly Queue<Node> nodes;
    private readonly Queue<Relation> relations;
    private readonly Queue<string> untallied = new();
    private readonly Queue<Node> unnamed = new();
    public ScriptedServer Server { get; } = new();
    public long Dangling { get; init; }

    /// <summary>Persons, organizations and places already in the current layout but written before search's names were kept.</summary>
    public IEnumerable<Node> Unnamed { init { foreach (var node in value) unnamed.Enqueue(node); } }

    public LegacyServer(IEnumerable<Node> nodes, IEnumerable<Relation> relations)
    {
        this.nodes = new(nodes);
        this.relations = new(relations);
        Server.Otherwise(Answer);
    }

    /// <summary>The server's answer to a request body (a test may answer some statements itself and pass the rest here).</summary>
    public string Answer(string body)
    {
        var statement = StatementOf(body) ?? "";
        var batch = statement.Contains("LIMIT $batch", StringComparison.Ordinal) ? ParametersOf(body)["batch"]!.GetValue<int>() : 0;
        if (statement == LegacyStatements.NodeCounts)
            return ScriptedServer.Rows(["kind", "count"], nodes.GroupBy(n => n.Kind).Select(g => $"[{ScriptedServer.Text(EnumNames.Of(g.Key))},{Integer(g.Count())}]").ToArray());
        if (statement == LegacyStatements.RelationCounts)
            return ScriptedServer.Rows(["type", "count", "claims"], relations.GroupBy(r => r.Type)
                .Select(g => $"[{ScriptedServer.Text(EnumNames.Of(g.Key))},{Integer(g.Count())},{Integer(g.Sum(r => r.ClaimedBy.Count + r.DisputedBy.Count))}]").ToArray());
        if (statement == LegacyStatements.DanglingClaims)
            return ScriptedServer.Rows(["dangling", "examples"], $"[{Integer(Dangling)},{List(Dangling > 0 ? [ScriptedServer.Text("statement:gone")] : [])}]");
        if (statement == LegacyStatements.PresentIndexes)
            return ScriptedServer.Rows(["name"], $"[{ScriptedServer.Text("conflictgraph_rel_type")}]");
        if (statement == Statements.UntalliedCount) return ScriptedServer.Rows(["count"], $"[{Integer(untallied.Count)}]");
        if (statement == Statements.UntalliedEvents)
            return ScriptedServer.Rows(["id"], Take(untallied, batch).Select(id => $"[{ScriptedServer.Text(id)}]").ToArray());
        if (statement == Statements.UnnamedCount) return ScriptedServer.Rows(["count"], $"[{Integer(unnamed.Count)}]");
        if (statement == Statements.UnnamedNodes)
            return ScriptedServer.Rows(["kind", "body"], Take(unnamed, batch)
                .Select(n => $"[{ScriptedServer.Text(n.Kind.ToString())},{ScriptedServer.Text(NodeJson.Serialize(n))}]").ToArray());
        if (statement == LegacyStatements.NodeBatch)
            return ScriptedServer.Rows(["id", "kind", "body"], Take(nodes, batch).Select(Converted)
                .Select(n => $"[{ScriptedServer.Text(n.Id)},{ScriptedServer.Text(EnumNames.Of(n.Kind))},{ScriptedServer.Text(NodeJson.Serialize(n))}]").ToArray());
        if (statement == LegacyStatements.RelationBatch)
            return ScriptedServer.Rows(["type", "fromId", "toId", "claimedBy", "disputedBy"], Take(relations, batch)
                .Select(r => $"[{ScriptedServer.Text(EnumNames.Of(r.Type))},{ScriptedServer.Text(r.FromId)},{ScriptedServer.Text(r.ToId)}," +
                             $"{List(r.ClaimedBy.Select(ScriptedServer.Text).ToArray())},{List(r.DisputedBy.Select(ScriptedServer.Text).ToArray())}]").ToArray());
        return """{"data":{"fields":[],"values":[]},"bookmarks":[],"transaction":{"id":"m1"}}""";
    }

    private Node Converted(Node node)
    {
        if (node is Event) untallied.Enqueue(node.Id);
        return node;
    }

    private static List<T> Take<T>(Queue<T> queue, int count)
    {
        var taken = new List<T>();
        while (taken.Count < count && queue.TryDequeue(out var item)) taken.Add(item);
        return taken;
    }
}

