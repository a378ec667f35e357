using ConflictGraph.Core.History;
using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Tests.History;

public sealed class HistoryChangesTests
{
    private static Relation Response(params Claim[] claims) => new(RelationType.ResponseTo, "event:a", "event:b", claims);

    [Fact]
    public void ACreationIsOneEntryWithNothingBeforeIt()
    {
        var created = Assert.Single(HistoryChanges.Of(null, Response(new Claim("statement:s"))));
        Assert.Equal((HistoryKind.RelationCreated, HistoryTarget.Relation, "event:a-[RESPONSE_TO]->event:b", (string?)null), (created.Kind, created.Target, created.TargetId, created.Before));
    }

    [Fact]
    public void ADeletionKeepsTheWholeRelationWithItsClaims()
    {
        var deleted = Assert.Single(HistoryChanges.Of(Response(new Claim("statement:s", ClaimPosition.Disputes, "denied")), null));
        Assert.Equal(HistoryKind.RelationDeleted, deleted.Kind);
        Assert.Equal([new Claim("statement:s", ClaimPosition.Disputes, "denied")], HistoryJson.ParseRelation(deleted.Before!).Claims);
    }

    [Fact]
    public void ClaimChangesAreOneEntryPerStatementInStatementOrderEachWithTheStateJustBefore()
    {
        var before = Response(new Claim("statement:b"), new Claim("statement:c", ClaimPosition.Claims, "retaliation"));
        var after = Response(new Claim("statement:a"), new Claim("statement:c", ClaimPosition.Disputes));
        var changes = HistoryChanges.Of(before, after);

        Assert.Equal([(HistoryKind.ClaimAdded, "statement:a"), (HistoryKind.ClaimWithdrawn, "statement:b"), (HistoryKind.ClaimChanged, "statement:c")],
            changes.Select(c => (c.Kind, c.StatementId!)));
        Assert.Equal(["statement:b", "statement:c"], HistoryJson.ParseRelation(changes[0].Before!).Claims.Select(c => c.StatementId));
        Assert.Equal(["statement:a", "statement:b", "statement:c"], HistoryJson.ParseRelation(changes[1].Before!).Claims.Select(c => c.StatementId));
        Assert.Equal([new Claim("statement:a"), new Claim("statement:c", ClaimPosition.Claims, "retaliation")], HistoryJson.ParseRelation(changes[2].Before!).Claims);
    }

    [Fact]
    public void TheSameClaimsChangeNothing() => Assert.Empty(HistoryChanges.Of(Response(new Claim("statement:s")), Response(new Claim("statement:s"))));

    [Fact]
    public void AFactIsItsOwnTarget()
    {
        var fact = new Fact("place:depot", "function", "storage", [new Claim("statement:s")]);
        var withdrawn = Assert.Single(HistoryChanges.Of(fact, fact with { Claims = [] }));
        Assert.Equal((HistoryKind.ClaimWithdrawn, HistoryTarget.Fact, "place:depot/function=storage"), (withdrawn.Kind, withdrawn.Target, withdrawn.TargetId));
    }
}
