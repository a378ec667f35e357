using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite.Reading;
using ConflictGraph.Store.Tests.Conformance;
using ConflictGraph.Store.Tests.Sqlite.Plans;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Store.Tests.Sqlite;

/// <summary>
/// A level of far ends is one statement that builds no table of its own: each relation row brings its far end's node,
/// so a node at the far end of several relations comes back in several rows and is kept once, in seq order.
/// </summary>
public sealed class FarEndsTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TemporaryStores files = new("conflictgraph-farends-");

    public static TheoryData<string> Shapes => new() { "out", "in", "both", "all", "two groups" };

    private static IReadOnlyList<EndsGroup> Groups(string shape) => shape switch
    {
        "out" => [Group([RelationType.OccurredIn], Direction.Outgoing)],
        "in" => [Group([RelationType.CarriedOut], Direction.Incoming)],
        "both" => [Group([RelationType.RetaliationFor], Direction.Both)],
        "all" => [Group(null, Direction.Both)],
        _ => [Group([RelationType.OccurredIn], Direction.Outgoing), Group([RelationType.CarriedOut], Direction.Incoming)],
    };

    private static EndsGroup Group(RelationType[]? types, Direction direction) =>
        new(types, direction, ["event:strikes"], types is null ? null : string.Join(',', types));

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task TheStatementOpensNoEphemeralTable(string shape)
    {
        var (store, path) = files.Open($"plan-{shape.Replace(' ', '-')}.db");
        await store.ImportAsync(TestWorld.Batch, null, None);
        var groups = Groups(shape);
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var parameters = Enumerable.Range(0, groups.Count).Select(i => (FarEnds.GroupParameter(i), (object)"[]")).Append(("$ids", "[]"));
        var opcodes = QueryPlan.Opcodes(connection, FarEnds.Sql(groups), parameters);

        Assert.Contains("OpenRead", opcodes);
        // Each SQLite ephemeral table (a materialized CTE, an IN (SELECT ...) list) is a b-tree with its own page cache for
        // the statement's life; a level's statement made two of them before. (A group of several types still makes one for
        // its IN list of types, as before: the shapes here name one type a group, or all.)
        Assert.DoesNotContain("OpenEphemeral", opcodes);
        Assert.DoesNotContain("SorterOpen", opcodes);
    }

    [Fact]
    public async Task ANodeAtTheFarEndOfSeveralRelationsComesOnceInSeqOrder()
    {
        var (store, path) = files.Open("shared.db");
        await store.ImportAsync(TestWorld.Batch, null, None);
        // org:kh is the far end of the strikes' TARGETED and of the drones' CARRIED_OUT; each event is the far end of the
        // other's RETALIATION_FOR; org:kh and place:depot are also asked for by id.
        ExpandRequest[] level =
        [
            new("event:strikes", null, Direction.Both, EndsOnly: true),
            new("event:drones", null, Direction.Both, EndsOnly: true),
        ];

        var found = await store.ExpandAsync(level, ["org:kh", "place:depot"], [], RowCap.None, None);

        var ids = found.Nodes.Select(n => n.Id).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        string[] expected = ["event:drones", "event:strikes", "org:kh", "org:pentagon", "place:depot", "place:erbil"];
        Assert.Equal(expected, ids.Order(StringComparer.Ordinal));
        var bySeq = SqliteFile.Query(path, $"SELECT id FROM nodes WHERE id IN ({string.Join(", ", expected.Select(e => $"'{e}'"))}) ORDER BY seq");
        Assert.Equal(bySeq, ids);
        // Every node is the stored one, whichever row brought it.
        var stored = await store.GetNodesAsync(expected, None);
        Assert.All(found.Nodes, n => Assert.Equal(Json(stored.Single(s => s.Id == n.Id)), Json(n)));
        Assert.Equal(
            ["event:drones-[OCCURRED_IN]->place:erbil", "event:strikes-[OCCURRED_IN]->place:depot", "event:strikes-[RETALIATION_FOR]->event:drones",
             "event:strikes-[TARGETED]->org:kh", "org:kh-[CARRIED_OUT]->event:drones", "org:pentagon-[CARRIED_OUT]->event:strikes"],
            found.Relations.Select(r => r.Id));
    }

    [Fact]
    public async Task NodesAskedForByIdAloneComeWithoutRelations()
    {
        var (store, _) = files.Open("ids.db");
        await store.ImportAsync(TestWorld.Batch, null, None);
        ExpandRequest[] level = [new("event:killing", [RelationType.OccurredIn], Direction.Outgoing, EndsOnly: true)];

        var found = await store.ExpandAsync(level, ["place:iraq", "org:missing", "place:iraq"], [], RowCap.None, None);

        Assert.Empty(found.Relations);
        Assert.Equal(["place:iraq"], found.Nodes.Select(n => n.Id));
    }

    /// <summary>Levels of both kinds of SQLite read: far ends alone (one statement), and with claims (a statement a group).</summary>
    public static TheoryData<bool> BothReads => new() { true, false };

    [Theory]
    [MemberData(nameof(BothReads))]
    public async Task RelationsNoListHoldsDoNotCountTowardTheCap(bool endsOnly)
    {
        var (store, _) = files.Open($"unlisted-{endsOnly}.db");
        await store.ImportAsync(TestWorld.Batch, null, None);
        // The strikes' place (a single node's field) beside their perpetrators (a list): only the perpetrators' relations count.
        ExpandRequest[] level =
        [
            new("event:strikes", [RelationType.OccurredIn], Direction.Outgoing, EndsOnly: true, Listed: false),
            new("event:strikes", [RelationType.CarriedOut], Direction.Incoming, endsOnly),
        ];
        var whole = await store.ExpandAsync(level, [], [], RowCap.None, None);
        var listed = whole.Relations.Count(level[1].Matches);
        Assert.True(listed >= 1 && whole.Relations.Count > listed, $"{listed} of {whole.Relations.Count} relations are listed");

        var atCap = await store.ExpandAsync(level, [], [], new RowCap(listed), None);
        Assert.Equal(whole.Relations.Select(r => r.Id), atCap.Relations.Select(r => r.Id));
        Assert.Equal(whole.Nodes.Select(n => n.Id), atCap.Nodes.Select(n => n.Id));
        await Assert.ThrowsAsync<RowCapExceededException>(() => store.ExpandAsync(level, [], [], new RowCap(listed - 1), None));
        // A level of single nodes' relations alone reads them whole under a cap of none left.
        Assert.Equal(whole.Relations.Count - listed, (await store.ExpandAsync([level[0]], [], [], new RowCap(0), None)).Relations.Count);
    }

    private static string Json(Node node) => System.Text.Json.JsonSerializer.Serialize(node, node.GetType());

    public void Dispose() => files.Dispose();
}
