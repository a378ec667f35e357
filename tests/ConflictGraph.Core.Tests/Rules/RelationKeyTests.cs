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
}
