using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;

namespace ConflictGraph.Core.Tests.Rules;

/// <summary>
/// The path search's keys compared where they lie (<see cref="JoinedIds"/>, <see cref="PathKeys.SameRelation"/>) against
/// the strings they stand for: the ids joined with '/' compared with <c>string.CompareOrdinal</c>, and relation ids.
/// </summary>
public sealed class PathKeysTests
{
    /// <summary>Ids some of which are starts of others, so joined they sort otherwise than alone ("n:1-b/" before "n:1/").</summary>
    private static readonly string[] Ids = ["n:1", "n:1-b", "n:10", "n:1.", "n:", "event:e0000170", "event:e0000170x", "org:g1", "org:g1-a", "é:1"];

    [Fact]
    public void JoinedIdsCompareAsTheJoinedStrings()
    {
        var random = new Random(32);
        for (var round = 0; round < 20_000; round++)
        {
            var (x, xText) = Joined(random);
            var (y, yText) = Joined(random);
            Assert.True(Math.Sign(JoinedIds.Compare(x, y)) == Math.Sign(string.CompareOrdinal(xText, yText)),
                $"'{xText}' against '{yText}': {JoinedIds.Compare(x, y)}, the strings {string.CompareOrdinal(xText, yText)}");
        }
    }

    [Fact]
    public void AnEmptyIdAfterTheIdsLeavesTheTrailingSlash()
    {
        var withSlash = new JoinedIds(["n:1", "n:2"], after: "");
        Assert.True(JoinedIds.Compare(withSlash, new JoinedIds(["n:1", "n:2-b"], after: "")) > 0); // "n:1/n:2/" after "n:1/n:2-b/"
        Assert.True(JoinedIds.Compare(new JoinedIds(["n:1", "n:2"]), new JoinedIds(["n:1", "n:2-b"])) < 0); // "n:1/n:2" before "n:1/n:2-b"
        Assert.Equal(0, JoinedIds.Compare(withSlash, new JoinedIds(["n:2", "n:1"], after: "", reversed: true)));
    }

    [Fact]
    public void RelationsAreTheSameWhenTheirIdsAre()
    {
        var random = new Random(11);
        var types = Enum.GetValues<RelationType>();
        for (var round = 0; round < 5_000; round++)
        {
            // Fresh strings, so no two are the same object.
            Relation Pick() => new(types[random.Next(3)], new string(Ids[random.Next(4)]), new string(Ids[random.Next(4)]), []);
            var (a, b) = (Pick(), Pick());
            var same = a.Id == b.Id;
            Assert.Equal(same, PathKeys.SameRelation.Equals(a, b));
            if (same) Assert.Equal(PathKeys.SameRelation.GetHashCode(a), PathKeys.SameRelation.GetHashCode(b));
        }
    }

    /// <summary>One to four ids, in one of the ways a search joins them (as they are, with an id before or after, backwards, with the trailing '/'), and the string they make.</summary>
    private static (JoinedIds Ids, string Text) Joined(Random random)
    {
        var ids = Enumerable.Range(0, random.Next(1, 4)).Select(_ => new string(Ids[random.Next(Ids.Length)])).ToList();
        var before = random.Next(4) == 0 ? Ids[random.Next(Ids.Length)] : null;
        var after = before is null && random.Next(3) == 0 ? (random.Next(2) == 0 ? "" : Ids[random.Next(Ids.Length)]) : null;
        var reversed = random.Next(2) == 0;
        var parts = new List<string>();
        if (before is not null) parts.Add(before);
        parts.AddRange(reversed ? Enumerable.Reverse(ids) : ids);
        if (after is not null) parts.Add(after);
        return (new JoinedIds(ids, before, after, reversed), string.Join('/', parts));
    }
}
