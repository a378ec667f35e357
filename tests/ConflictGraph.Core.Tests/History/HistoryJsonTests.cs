using ConflictGraph.Core.History;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Tests.History;

public sealed class HistoryJsonTests
{
    [Fact]
    public void ANodeIsItsSeedFormatBodyWithItsKindFirstAndReadsBackExactly()
    {
        Node statement = new Statement("statement:s", "It said \"no\".", Stance.Denies, FuzzyDate.Day(new DateOnly(2021, 6, 28), "Monday"), Medium.Video,
            null, "org:kh", "officials", ["event:a"], "source:r", [new CasualtyReport("event:a", 4, null, null, null, "fighters", VictimCategory.Combatants)]);
        var json = HistoryJson.Node(statement);
        Assert.StartsWith("{\"nodeKind\":\"STATEMENT\",\"id\":\"statement:s\"", json);
        Assert.Equal(json, HistoryJson.Node(NodeKind.Statement, NodeJson.Serialize(statement)));
        Assert.Equivalent(statement, HistoryJson.ParseNode(json), strict: true);
        // An organization's own "kind" field stays its organization kind.
        Node militia = new Organization("org:kh", "Kata'ib Hezbollah", ["KH"], null, OrganizationKind.ArmedGroup, "place:iraq");
        Assert.Equivalent(militia, HistoryJson.ParseNode(HistoryJson.Node(militia)), strict: true);
    }

    [Fact]
    public void ARelationCarriesItsIdentityStatusAndClaimsAndReadsBack()
    {
        var relation = new Relation(RelationType.RetaliationFor, "event:a", "event:b",
            [new Claim("statement:a", ClaimPosition.Claims, "retaliation"), new Claim("statement:b", ClaimPosition.Disputes)]);
        var json = HistoryJson.Of(relation);
        const string expected = """{"id":"event:a-[RETALIATION_FOR]->event:b","type":"RETALIATION_FOR","fromId":"event:a","toId":"event:b","status":"DISPUTED","claims":[{"statementId":"statement:a","position":"CLAIMS","characterization":"retaliation"},{"statementId":"statement:b","position":"DISPUTES"}]}""";
        Assert.Equal(expected, json);
        var read = HistoryJson.ParseRelation(json);
        Assert.Equal((relation.Id, relation.Claims), (read.Id, read.Claims), EqualityComparer<(string, IReadOnlyList<Claim>)>.Create(
            (x, y) => x.Item1 == y.Item1 && x.Item2.SequenceEqual(y.Item2)));
    }

    [Fact]
    public void AFactReadsBackWithItsValueAsGiven()
    {
        var fact = new Fact("place:depot", "function", "weapons / storage = \"yes\"", [new Claim("statement:s", ClaimPosition.Disputes, "no weapons")]);
        var read = HistoryJson.ParseFact(HistoryJson.Of(fact));
        Assert.Equal((fact.Id, fact.Value), (read.Id, read.Value));
        Assert.Equal(fact.Claims, read.Claims);
        Assert.Contains("\"status\":\"DENIED\"", HistoryJson.Of(fact));
    }
}
