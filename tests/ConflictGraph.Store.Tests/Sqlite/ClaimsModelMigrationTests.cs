using ConflictGraph.Core.Codings;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Sqlite;
using ConflictGraph.Sqlite.Schema;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Store.Tests.Sqlite;

/// <summary>What only the file store has for the claims model: its migration of older files, and the coding table in SQL.</summary>
public sealed class ClaimsModelMigrationTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TemporaryStores files = new("conflictgraph-migration-");

    [Fact]
    public async Task AFileOfTheFirstSchemaIsConvertedInPlaceKeepingItsClaims()
    {
        var path = files.PathOf("v1.db");
        var statement = new Statement("statement:s", "They struck back.", Stance.Asserts, null, null, null, null, "an official", [], null, []);
        Node[] nodes = [new Event("event:a", "A", EventKind.Airstrike, null, null), new Event("event:b", "B", EventKind.DroneAttack, null, null), statement];
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            Migrations.Apply(connection, 1);
            Execute(connection, "INSERT INTO nodes (id, kind, label, sub_kind, body) VALUES ($id, $kind, $label, $sub, $body)",
                nodes.Select(n => new object?[] { n.Id, EnumNames.Of(n.Kind), n.Label, n is Event e ? EnumNames.Of(e.EventKind) : null, NodeJson.Serialize(n) }));
            Execute(connection, "INSERT INTO relations (id, type, from_id, to_id, status) VALUES ($id, $type, $from, $to, $status)",
                [["event:a-[RETALIATION_FOR]->event:b", "RETALIATION_FOR", "event:a", "event:b", "UNCONTESTED"]]);
            Execute(connection, "INSERT INTO claims (relation_id, statement_id, disputes) VALUES ($r, $s, $d)",
                [["event:a-[RETALIATION_FOR]->event:b", "statement:s", 0]]);
        }

        using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        Assert.Equal([Migrations.Latest.ToString()], Query(path, "PRAGMA user_version"));
        var relation = Assert.Single(await store.GetRelationsAsync(["event:a"], null, Direction.Outgoing, None));
        Assert.Equal([new Claim("statement:s")], relation.Claims);
        Assert.Equal(ClaimStatus.Uncontested, relation.Status);

        var result = await store.ImportAsync(new GraphBatch([],
            [new Relation(RelationType.RetaliationFor, "event:a", "event:b", [new Claim("statement:s", ClaimPosition.Claims, "retaliation")])])
        {
            Facts = [new Fact("event:b", "count", "five", [new Claim("statement:s", ClaimPosition.Disputes)])],
        }, null, None);
        Assert.Equal((1, 1), (result.RelationsUpdated, result.FactsCreated));
        Assert.Equal("retaliation", Assert.Single(await store.GetRelationsAsync(["event:a"], null, Direction.Outgoing, None)).Claims[0].Characterization);
        Assert.Equal(ClaimStatus.Denied, Assert.Single(await store.GetFactsAsync(["event:b"], None)).Status);
        Assert.Equal(["ok"], Query(path, "PRAGMA integrity_check"));
        Assert.Empty(Query(path, "PRAGMA foreign_key_check"));
    }

    [Fact]
    public async Task TheCodingTableIsThereForJoinsInSqlAndIsRestoredWhenItDrifts()
    {
        var path = files.PathOf("codings.db");
        using (var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path }))
        {
            await store.ImportAsync(new GraphBatch(
            [
                new Event("event:1", "1", EventKind.Airstrike, null, null), new Event("event:2", "2", EventKind.DroneAttack, null, null),
                new Event("event:3", "3", EventKind.ArtilleryFire, null, null), new Event("event:4", "4", EventKind.Political, null, null),
            ], []), null, None);
        }
        const string byAcledType =
            "SELECT coalesce(c.code, '(no code)') || ' ' || count(*) FROM nodes n LEFT JOIN codings c " +
            "ON c.subject = 'EVENT' AND c.value = n.sub_kind AND c.scheme = 'ACLED_EVENT_TYPE' WHERE n.kind = 'EVENT' GROUP BY c.code ORDER BY c.code";
        Assert.Equal(["(no code) 1", "Explosions/Remote violence 3"], Query(path, byAcledType));
        Assert.Equal(CodingTable.Rows.Count(r => r.Code is not null), int.Parse(Query(path, "SELECT count(*) FROM codings")[0]));

        Query(path, "DELETE FROM codings WHERE scheme = 'CAMEO'", readOnly: false);
        using (new SqliteGraphStore(new SqliteStoreOptions { Path = path }))
            Assert.Equal(["1952"], Query(path, "SELECT code FROM codings WHERE subject = 'EVENT' AND value = 'DRONE_ATTACK' AND scheme = 'CAMEO'"));
    }

    private static void Execute(SqliteConnection connection, string sql, IEnumerable<object?[]> rows)
    {
        foreach (var row in rows)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            var names = System.Text.RegularExpressions.Regex.Matches(sql, @"\$\w+").Select(m => m.Value).ToList();
            for (var i = 0; i < row.Length; i++) command.Parameters.AddWithValue(names[i], row[i] ?? DBNull.Value);
            command.ExecuteNonQuery();
        }
    }

    private static List<string> Query(string path, string sql, bool readOnly = true) => SqliteFile.Query(path, sql, readOnly);

    public void Dispose() => files.Dispose();
}
