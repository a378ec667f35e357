using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;
using ConflictGraph.Neo4j.Cypher;

namespace ConflictGraph.Store.Tests.Neo4j;

/// <summary>
/// The Cypher of a page in date order as built, without a server: its order puts undated nodes last either way, its
/// cursors tell a node dated on the undated day from an undated one (<see cref="DateKey"/>), and its keyset condition
/// resumes after either. Not run against a live Neo4j here.
/// </summary>
public sealed class DateOrderCypherTests
{
    private static FindQuery Find() => FindQuery.ForNodes(new NodeQuery { Kinds = [NodeKind.Event] });

    [Fact]
    public void UndatedNodesComeLastInBothDirectionsThoughCypherSortsNullFirstDescending()
    {
        Assert.Equal("sortKey, n.id", FindQuery.Order(NodeOrder.DateAsc).OrderBy("n.id"));
        Assert.Equal("sortKey IS NULL, sortKey DESC, n.id", FindQuery.Order(NodeOrder.DateDesc).OrderBy("n.id"));
        Assert.Equal("sortKey, n.id", FindQuery.Order(NodeOrder.Id).OrderBy("n.id"));
        Assert.Equal("n.dateStart", FindQuery.Order(NodeOrder.DateDesc).Key);
    }

    [Theory]
    [InlineData(NodeOrder.DateAsc, "9999-12-31")]
    [InlineData(NodeOrder.DateDesc, "0000-01-01")]
    public void AnUndatedNodesCursorResumesAmongTheUndatedOnly(NodeOrder order, string undated)
    {
        var sort = FindQuery.Order(order);
        var cursor = sort.CursorFor(null, "event:b");
        var find = Find();

        var after = find.After(cursor, sort, "n.id");

        Assert.Equal(Cursor.Encode($"{sort.Tag}:{undated}", "event:b"), cursor);
        Assert.Equal("(sortKey IS NULL AND n.id > $afterId)", after);
        Assert.Equal("event:b", find.Parameters["afterId"]);
        Assert.False(find.Parameters.ContainsKey("afterKey"));
    }

    [Theory]
    [InlineData(NodeOrder.DateAsc, "9999-12-31", ">")]
    [InlineData(NodeOrder.DateAsc, "2021-06-27", ">")]
    [InlineData(NodeOrder.DateDesc, "9999-12-31", "<")]
    [InlineData(NodeOrder.DateDesc, "0001-01-01", "<")]
    public void ADatedNodesCursorResumesAfterItsDateAndBeforeEveryUndatedNode(NodeOrder order, string date, string later)
    {
        var sort = FindQuery.Order(order);
        var find = Find();

        var after = find.After(sort.CursorFor(date, "event:a"), sort, "n.id");

        Assert.Equal($"(sortKey IS NULL OR sortKey {later} $afterKey OR (sortKey = $afterKey AND n.id > $afterId))", after);
        Assert.Equal(date, find.Parameters["afterKey"]);
        Assert.Equal("event:a", find.Parameters["afterId"]);
    }

    [Fact]
    public void ANodeDatedOnTheUndatedDayHasACursorOfItsOwn()
    {
        var sort = FindQuery.Order(NodeOrder.DateAsc);

        Assert.NotEqual(sort.CursorFor(null, "event:a"), sort.CursorFor("9999-12-31", "event:a"));
        Assert.Equal(Cursor.Encode("a:9999-12-31" + DateKey.DatedMark, "event:a"), sort.CursorFor("9999-12-31", "event:a"));
    }

    [Theory]
    [InlineData("a:not-a-date")]
    [InlineData("a:2021-06-27 dated")]
    [InlineData("d:2021-06-27")]
    public void ACursorOfNoDateOrOfAnotherOrderIsRefusedBeforeAnythingIsSent(string key)
    {
        var cursor = Cursor.Encode(key, "event:a");

        Assert.Throws<InvalidCursorException>(() => Find().After(cursor, FindQuery.Order(NodeOrder.DateAsc), "n.id"));
    }

    [Fact]
    public void APagesRowsGiveCursorsByTheirDateOrItsAbsence()
    {
        var query = new NodeQuery { Kinds = [NodeKind.Event], Order = NodeOrder.DateAsc };
        var page = NodePage.Folded(query, new PageRequest(3, KeysOnly: true));
        IReadOnlyDictionary<string, object?> Row(string id, string? date) => new Dictionary<string, object?> { ["kind"] = "Event", ["id"] = id, ["sortKey"] = date };

        var read = page.Read([Row("event:e", "2021-06-27"), Row("event:a", "9999-12-31"), Row("event:b", null), Row("event:d", null)], null);

        Assert.Equal(["event:e", "event:a", "event:b"], read.Items.Select(i => i.Item.Id));
        Assert.Equal(
            [Cursor.Encode("a:2021-06-27", "event:e"), Cursor.Encode("a:9999-12-31 dated", "event:a"), Cursor.Encode("a:9999-12-31", "event:b")],
            read.Items.Select(i => i.Cursor));
        Assert.True(read.HasNextPage);
        Assert.Contains("WITH n, n.dateStart AS sortKey WITH n, sortKey ORDER BY sortKey, n.id LIMIT $l", page.CollectedRows("l"));
    }

    [Fact]
    public void TheEventExportPagesInTheListsOrderAndResumesAfterAnUndatedEvent()
    {
        var (text, parameters) = EventExportQuery.Page(new EventSelection(), EventExportQuery.After(null, "event:b"), 100);

        Assert.Contains("WITH n, n.dateStart AS sortKey WHERE (sortKey IS NULL AND n.id > $afterId) WITH n, sortKey ORDER BY sortKey, n.id LIMIT $limit", text);
        Assert.Equal("event:b", parameters["afterId"]);
    }
}
