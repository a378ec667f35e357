using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;

namespace ConflictGraph.Core.Tests.Rules;

public sealed class ClaimMergeTests
{
    private static Dictionary<string, Claim> Stored(params Claim[] claims) => claims.ToDictionary(c => c.StatementId, StringComparer.Ordinal);

    [Fact]
    public void ANewStatementIsAdded()
    {
        var claims = Stored(new Claim("s1"));
        Assert.True(ClaimMerge.Merge(claims, [new Claim("s2", ClaimPosition.Disputes, "baseless")]));
        Assert.Equal(new Claim("s2", ClaimPosition.Disputes, "baseless"), claims["s2"]);
        Assert.Equal(ClaimStatus.Disputed, ClaimMerge.Status(claims.Values));
    }

    [Fact]
    public void TheSamePositionWithoutAWordKeepsTheStoredCharacterizationAndChangesNothing()
    {
        var claims = Stored(new Claim("s1", ClaimPosition.Claims, "defensive"));
        Assert.False(ClaimMerge.Merge(claims, [new Claim("s1")]));
        Assert.Equal("defensive", claims["s1"].Characterization);
    }

    [Fact]
    public void ANewWordForTheSamePositionReplacesTheOld()
    {
        var claims = Stored(new Claim("s1", ClaimPosition.Claims, "defensive"));
        Assert.True(ClaimMerge.Merge(claims, [new Claim("s1", ClaimPosition.Claims, "self-defense")]));
        Assert.Equal("self-defense", claims["s1"].Characterization);
    }

    [Fact]
    public void AFlippedPositionTakesItsOwnWordOrNone()
    {
        var claims = Stored(new Claim("s1", ClaimPosition.Claims, "retaliation"));
        Assert.True(ClaimMerge.Merge(claims, [new Claim("s1", ClaimPosition.Disputes)]));
        Assert.Equal(new Claim("s1", ClaimPosition.Disputes), claims["s1"]);
    }

    [Fact]
    public void TheSameClaimAgainChangesNothing()
    {
        var claims = Stored(new Claim("s1", ClaimPosition.Disputes, "fabricated"));
        Assert.False(ClaimMerge.Merge(claims, [new Claim("s1", ClaimPosition.Disputes, "fabricated")]));
    }

    [Fact]
    public void TheIdListFormKeepsPositionsByTheSameRule()
    {
        var claims = new Dictionary<string, bool> { ["s1"] = false };
        Assert.False(ClaimMerge.Merge(claims, new Relation(RelationType.CarriedOut, "a", "b", ["s1"], [])));
        Assert.True(ClaimMerge.Merge(claims, new Relation(RelationType.CarriedOut, "a", "b", [], ["s1", "s2"])));
        Assert.Equal([true, true], new[] { claims["s1"], claims["s2"] });
        Assert.Equal(ClaimStatus.Denied, ClaimMerge.Status(claims));
    }
}
