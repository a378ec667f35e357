using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;

namespace ConflictGraph.Core.Tests.Rules;

public sealed class RelationRulesTests
{
    [Theory]
    [InlineData(RelationType.CarriedOut, NodeKind.Organization, NodeKind.Event)]
    [InlineData(RelationType.CarriedOut, NodeKind.Person, NodeKind.Event)]
    [InlineData(RelationType.Targeted, NodeKind.Event, NodeKind.Place)]
    [InlineData(RelationType.RetaliationFor, NodeKind.Event, NodeKind.Event)]
    [InlineData(RelationType.PartOf, NodeKind.Organization, NodeKind.Organization)]
    [InlineData(RelationType.BackedBy, NodeKind.Organization, NodeKind.Organization)]
    [InlineData(RelationType.LocatedIn, NodeKind.Place, NodeKind.Place)]
    public void AllowedPairsPass(RelationType type, NodeKind from, NodeKind to) =>
        Assert.Null(RelationRules.Check(type, from, to));

    [Fact]
    public void APlaceCannotCarryOutAnEvent() =>
        Assert.Equal("CARRIED_OUT cannot start at a PLACE (allowed: PERSON, ORGANIZATION)",
            RelationRules.Check(RelationType.CarriedOut, NodeKind.Place, NodeKind.Event));

    [Fact]
    public void AnEventCannotOccurInAPerson() =>
        Assert.Equal("OCCURRED_IN cannot end at a PERSON (allowed: PLACE)",
            RelationRules.Check(RelationType.OccurredIn, NodeKind.Event, NodeKind.Person));

    [Fact]
    public void PartOfJoinsOnlyLikeWithLike() =>
        Assert.Equal("PART_OF joins two nodes of one kind, not a EVENT and a ORGANIZATION",
            RelationRules.Check(RelationType.PartOf, NodeKind.Event, NodeKind.Organization));

    [Fact]
    public void EveryRelationTypeHasRules()
    {
        foreach (var type in Enum.GetValues<RelationType>())
        {
            Assert.NotEmpty(RelationRules.FromKinds(type));
            Assert.NotEmpty(RelationRules.ToKinds(type));
        }
    }
}
