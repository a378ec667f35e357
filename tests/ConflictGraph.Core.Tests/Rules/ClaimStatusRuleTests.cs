using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;

namespace ConflictGraph.Core.Tests.Rules;

public sealed class ClaimStatusRuleTests
{
    [Theory]
    [InlineData(0, 0, ClaimStatus.Unsourced)]
    [InlineData(2, 0, ClaimStatus.Uncontested)]
    [InlineData(0, 1, ClaimStatus.Denied)]
    [InlineData(1, 1, ClaimStatus.Disputed)]
    public void StatusFollowsFromClaimsAndDisputes(int claims, int disputes, ClaimStatus expected) =>
        Assert.Equal(expected, ClaimStatusRule.Of(claims, disputes));

    [Fact]
    public void ARelationReportsTheStatusOfItsStatements()
    {
        var relation = new Relation(RelationType.RetaliationFor, "event:a", "event:b", ["statement:us"], ["statement:iraq"]);

        Assert.Equal(ClaimStatus.Disputed, relation.Status);
        Assert.Equal("event:a-[RETALIATION_FOR]->event:b", relation.Id);
    }
}
