using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;

namespace ConflictGraph.Core.Tests.Rules;

public sealed class RelationKeyTests
{
    [Fact]
    public void AKeyParsesBackIntoItsParts()
    {
        var key = RelationKey.Format(RelationType.RetaliationFor, "event:us-strikes-2021-06-27", "event:drone-attacks-2021");

        Assert.Equal("event:us-strikes-2021-06-27-[RETALIATION_FOR]->event:drone-attacks-2021", key);
        Assert.True(RelationKey.TryParse(key, out var type, out var from, out var to));
        Assert.Equal((RelationType.RetaliationFor, "event:us-strikes-2021-06-27", "event:drone-attacks-2021"), (type, from, to));
    }

    [Theory]
    [InlineData("event:a")]
    [InlineData("-[CARRIED_OUT]->event:b")]
    [InlineData("org:a-[NOT_A_TYPE]->event:b")]
    [InlineData("org:a-[CARRIED_OUT]->")]
    public void MalformedKeysDoNotParse(string key) =>
        Assert.False(RelationKey.TryParse(key, out _, out _, out _));

    [Fact]
    public void RelationsOrderAsTheirFormattedIdsDoOrdinally()
    {
        // Ids that share prefixes, end inside another's id, or hold the id's own punctuation ('-', '[', ']', '>').
        string[] ids = ["a", "a-", "a-A", "a-b", "a-[", "a-[X", "a]", "b", "ab", "a-[CARRIED_OUT]->b", "", "Z", "é", "a>"];
        var relations = (from type in new[] { RelationType.CarriedOut, RelationType.OccurredIn, RelationType.PartOf }
                         from fromId in ids
                         from toId in ids
                         select new Relation(type, fromId, toId, [])).ToList();

        foreach (var x in relations)
            foreach (var y in relations)
                Assert.True(Math.Sign(RelationKey.Compare(x, y)) == Math.Sign(string.CompareOrdinal(x.Id, y.Id)), $"{x.Id} against {y.Id}");
        Assert.Equal(relations.Select(r => r.Id).Order(StringComparer.Ordinal), relations.Order(RelationKey.Order).Select(r => r.Id));
    }
}
