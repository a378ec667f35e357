using System.Reflection;
using System.Text.Json;
using ConflictGraph.Api.Caching;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Api.Tests.Performance;

/// <summary>
/// The read cache's keys are written by hand (<see cref="ReadKeys"/>): two different reads must never share one, or
/// one read's answer is served for the other. Arguments are compared through their JSON, which tells any two apart.
/// </summary>
public sealed class ReadKeysTests
{
    /// <summary>Texts that a careless key would confuse: separators, digits, lengths, nothing, characters beyond ASCII.</summary>
    private static readonly string[] Awkward = ["", "a", "b", ":", "1:", "0:", "1:a", "a:b", "~", "|", ".", "1.", "t", "f", "{", ",", "é", "😀", "\0", "a\u0301"];

    private static readonly (NodeQuery Query, PageRequest Page) Statements = (
        new NodeQuery { Kinds = [NodeKind.Statement], Statements = new StatementCriteria { AboutId = "event:e1" } }, new PageRequest(20));

    private static readonly JsonSerializerOptions WithFields = new() { IncludeFields = true };

    /// <summary>Every key of the set distinct exactly when its arguments are (their JSON as the judge).</summary>
    private static void AssertOneKeyEach<T>(IEnumerable<T> arguments, Func<T, string> key)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            var json = JsonSerializer.Serialize(argument, WithFields);
            var written = key(argument);
            Assert.Equal(written, key(argument));
            if (seen.TryGetValue(written, out var other)) Assert.True(other == json, $"{other} and {json} share the key {written}");
            else seen[written] = json;
            distinct.Add(json);
        }
        // And equal arguments share one: as many keys as different arguments.
        Assert.Equal(distinct.Count, seen.Count);
    }

    private static IEnumerable<string[]> ListsOf(IReadOnlyList<string> items, int longest)
    {
        IEnumerable<string[]> lists = [[]];
        var all = new List<string[]>(lists);
        for (var n = 1; n <= longest; n++)
        {
            lists = lists.SelectMany(list => items.Select(item => list.Append(item).ToArray())).ToList();
            all.AddRange(lists);
        }
        return all;
    }

    [Fact]
    public void ListsOfAwkwardIdsNeverShareAKey() =>
        AssertOneKeyEach(ListsOf(Awkward, 3), ids => ReadKeys.Ids(nameof(IGraphStore.GetNodesAsync), ids));

    [Fact]
    public void ReadsOfTheSameIdsUnderDifferentNamesDoNotShareAKey()
    {
        string[] ids = ["event:e1"];
        var keys = new[]
        {
            ReadKeys.Ids(nameof(IGraphStore.GetNodesAsync), ids), ReadKeys.Ids(nameof(IGraphStore.GetFactsAsync), ids),
            ReadKeys.Relations(ids, null, Direction.Both), ReadKeys.Escalation(ids, ChainDirection.Both, 1),
            ReadKeys.Expand([], ids, []), ReadKeys.NodePages([]), ReadKeys.Search("event:e1", null, 1), ReadKeys.Paths("event:e1", "event:e1", 1, 1),
            ReadKeys.RelationPage(new RelationQuery(), new PageRequest(1)), ReadKeys.FactPage(new FactQuery(), new PageRequest(1)),
        };
        Assert.Equal(keys.Length, keys.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void ExpansionsOfAwkwardIdsTypesAndDirectionsNeverShareAKey()
    {
        var requests =
            from id in Awkward.Take(12)
            from types in new RelationType[]?[] { null, [], [RelationType.MemberOf], [RelationType.MemberOf, RelationType.BackedBy] }
            from direction in Enum.GetValues<Direction>()
            from endsOnly in new[] { false, true }
            select new ExpandRequest(id, types, direction, endsOnly);
        var single = requests.ToList();
        var batches = single.Select(r => (Requests: new[] { r }, NodeIds: Array.Empty<string>()))
            .Concat(single.Take(40).SelectMany(a => single.Take(40).Select(b => (Requests: new[] { a, b }, NodeIds: Array.Empty<string>()))))
            .Concat(ListsOf(Awkward, 2).Select(ids => (Requests: Array.Empty<ExpandRequest>(), NodeIds: ids)))
            .Concat(ListsOf(Awkward.Take(6).ToList(), 2).Select(ids => (Requests: new[] { single[0] }, NodeIds: ids)));
        AssertOneKeyEach(batches, batch => ReadKeys.Expand(batch.Requests, batch.NodeIds, []));
    }

    [Fact]
    public void PagesOfNodesWithAwkwardCriteriaNeverShareAKey()
    {
        var queries =
            from kinds in new NodeKind[][] { [], [NodeKind.Event], [NodeKind.Statement], [NodeKind.Event, NodeKind.Statement] }
            from ids in new string[]?[] { null, [], [""], ["a"], ["1:a"], ["a", "b"] }
            from text in new[] { null, "", "a", "1:a", "~" }
            from within in new[] { null, "", "a" }
            from events in new EventCriteria?[] { null, new(), new() { PlaceId = "a" }, new() { From = new DateOnly(2021, 6, 27) }, new() { To = new DateOnly(2021, 6, 27) } }
            from statements in new StatementCriteria?[] { null, new(), new() { AboutId = "a" }, new() { SpeakerId = "a" }, new() { Stances = [Stance.Asserts] } }
            from order in Enum.GetValues<NodeOrder>()
            select new NodeQuery { Kinds = kinds, Ids = ids, Text = text, WithinPlaceId = within, Events = events, Statements = statements, Order = order };
        AssertOneKeyEach(queries, query => ReadKeys.NodePages([(query, new PageRequest(20))]));

        var pages =
            from first in new[] { int.MinValue, -1, 0, 1, 10, 100, int.MaxValue }
            from after in new[] { null, "", "a", "1.", "MTA", "~" }
            from count in new[] { false, true }
            from keysOnly in new[] { false, true }
            select new PageRequest(first, after, count, keysOnly);
        AssertOneKeyEach(pages.ToList(), page => ReadKeys.NodePages([(Statements.Query, page)]));
        // A level's pages as a list: one page, two, or the same pages in another order.
        AssertOneKeyEach(ListsOf(Awkward.Take(5).ToList(), 3), abouts => ReadKeys.Expand([], ["event:e1"],
            abouts.Select(about => (Statements.Query with { Statements = new StatementCriteria { AboutId = about } }, Statements.Page)).ToList()));
    }

    [Fact]
    public void OtherReadsWithAwkwardArgumentsNeverShareAKey()
    {
        AssertOneKeyEach(
            from text in Awkward
            from kinds in new NodeKind[]?[] { null, [], [NodeKind.Person], [NodeKind.Person, NodeKind.Place] }
            from limit in new[] { 0, 1, 10 }
            select (text, kinds, limit), s => ReadKeys.Search(s.text, s.kinds, s.limit));
        AssertOneKeyEach(
            from start in Awkward
            from end in Awkward
            from depth in new[] { 1, 11 }
            select (start, end, depth), p => ReadKeys.Paths(p.start, p.end, p.depth, 1));
        AssertOneKeyEach(
            from ids in ListsOf(Awkward.Take(6).ToList(), 2)
            from types in new RelationType[]?[] { null, [], [RelationType.MemberOf] }
            from direction in Enum.GetValues<Direction>()
            select (ids, types, direction), r => ReadKeys.Relations(r.ids, r.types, r.direction));
    }

    /// <summary>
    /// Every property of the records a key writes has a variant here that changes the key: a property added to one of
    /// them and not to its key fails this test, at the table (no variant for it) or at the key (the variant's key is the
    /// base's).
    /// </summary>
    [Fact]
    public void EveryPropertyOfAKeyedRecordChangesTheKey()
    {
        var query = new NodeQuery
        {
            Kinds = [NodeKind.Statement], Events = new EventCriteria(), Statements = new StatementCriteria(),
        };
        var date = new DateOnly(2021, 6, 27);
        var queryVariants = new Dictionary<string, Func<NodeQuery, NodeQuery>>
        {
            ["Kinds"] = q => q with { Kinds = [NodeKind.Event] },
            ["Ids"] = q => q with { Ids = ["a"] },
            ["Text"] = q => q with { Text = "a" },
            ["OrganizationKinds"] = q => q with { OrganizationKinds = [OrganizationKind.Media] },
            ["PlaceKinds"] = q => q with { PlaceKinds = [PlaceKind.City] },
            ["WithinPlaceId"] = q => q with { WithinPlaceId = "a" },
            ["Events"] = q => q with { Events = null },
            ["Statements"] = q => q with { Statements = null },
            ["Order"] = q => q with { Order = NodeOrder.DateDesc },
            ["Events.Kinds"] = q => q with { Events = q.Events! with { Kinds = [EventKind.Airstrike] } },
            ["Events.From"] = q => q with { Events = q.Events! with { From = date } },
            ["Events.To"] = q => q with { Events = q.Events! with { To = date } },
            ["Events.PlaceId"] = q => q with { Events = q.Events! with { PlaceId = "a" } },
            ["Events.PerpetratorId"] = q => q with { Events = q.Events! with { PerpetratorId = "a" } },
            ["Events.TargetId"] = q => q with { Events = q.Events! with { TargetId = "a" } },
            ["Statements.Anonymous"] = q => q with { Statements = q.Statements! with { Anonymous = false } },
            ["Statements.SpeakerId"] = q => q with { Statements = q.Statements! with { SpeakerId = "a" } },
            ["Statements.OrganizationId"] = q => q with { Statements = q.Statements! with { OrganizationId = "a" } },
            ["Statements.ActorId"] = q => q with { Statements = q.Statements! with { ActorId = "a" } },
            ["Statements.AboutId"] = q => q with { Statements = q.Statements! with { AboutId = "a" } },
            ["Statements.Stances"] = q => q with { Statements = q.Statements! with { Stances = [Stance.Denies] } },
            ["Statements.SourceId"] = q => q with { Statements = q.Statements! with { SourceId = "a" } },
        };
        AssertEveryPropertyVaried(queryVariants.Keys, typeof(NodeQuery), (nameof(NodeQuery.Events), typeof(EventCriteria)), (nameof(NodeQuery.Statements), typeof(StatementCriteria)));
        var page = new PageRequest(20);
        AssertEachChangesTheKey(query, queryVariants, q => ReadKeys.NodePages([(q, page)]));
        AssertEachChangesTheKey(query, queryVariants, q => ReadKeys.Expand([], [], [(q, page)]));

        var pageVariants = new Dictionary<string, Func<PageRequest, PageRequest>>
        {
            ["First"] = p => p with { First = 21 },
            ["After"] = p => p with { After = "a" },
            ["CountTotal"] = p => p with { CountTotal = false },
            ["KeysOnly"] = p => p with { KeysOnly = true },
            ["Listed"] = p => p with { Listed = true },
        };
        AssertEveryPropertyVaried(pageVariants.Keys, typeof(PageRequest));
        AssertEachChangesTheKey(page, pageVariants, p => ReadKeys.NodePages([(query, p)]));
        AssertEachChangesTheKey(page, pageVariants, p => ReadKeys.Expand([], [], [(query, p)]));
        AssertEachChangesTheKey(page, pageVariants, p => ReadKeys.RelationPage(new RelationQuery(), p));
        AssertEachChangesTheKey(page, pageVariants, p => ReadKeys.FactPage(new FactQuery(), p));

        var expandVariants = new Dictionary<string, Func<ExpandRequest, ExpandRequest>>
        {
            ["NodeId"] = r => r with { NodeId = "b" },
            ["Types"] = r => r with { Types = [RelationType.MemberOf] },
            ["Direction"] = r => r with { Direction = Direction.Incoming },
            ["EndsOnly"] = r => r with { EndsOnly = true },
            ["Listed"] = r => r with { Listed = false },
        };
        AssertEveryPropertyVaried(expandVariants.Keys, typeof(ExpandRequest));
        AssertEachChangesTheKey(new ExpandRequest("a", null, Direction.Both), expandVariants, r => ReadKeys.Expand([r], [], []));

        var relationVariants = new Dictionary<string, Func<RelationQuery, RelationQuery>>
        {
            ["Types"] = q => q with { Types = [RelationType.MemberOf] },
            ["FromId"] = q => q with { FromId = "a" },
            ["ToId"] = q => q with { ToId = "a" },
            ["Statuses"] = q => q with { Statuses = [ClaimStatus.Disputed] },
            ["ClaimedByActorId"] = q => q with { ClaimedByActorId = "a" },
            ["FromPerpetratorId"] = q => q with { FromPerpetratorId = "a" },
            ["ToPerpetratorId"] = q => q with { ToPerpetratorId = "a" },
            ["FromDate"] = q => q with { FromDate = date },
            ["ToDate"] = q => q with { ToDate = date },
        };
        AssertEveryPropertyVaried(relationVariants.Keys, typeof(RelationQuery));
        AssertEachChangesTheKey(new RelationQuery(), relationVariants, q => ReadKeys.RelationPage(q, page));

        var factVariants = new Dictionary<string, Func<FactQuery, FactQuery>>
        {
            ["SubjectId"] = q => q with { SubjectId = "a" },
            ["Property"] = q => q with { Property = "a" },
            ["Statuses"] = q => q with { Statuses = [ClaimStatus.Disputed] },
            ["ClaimedByActorId"] = q => q with { ClaimedByActorId = "a" },
        };
        AssertEveryPropertyVaried(factVariants.Keys, typeof(FactQuery));
        AssertEachChangesTheKey(new FactQuery(), factVariants, q => ReadKeys.FactPage(q, page));
    }

    /// <summary>The variants name every property a caller can set on the record and on the records it holds (as <c>Holder.Property</c>).</summary>
    private static void AssertEveryPropertyVaried(IEnumerable<string> varied, Type record, params (string Name, Type Type)[] nested)
    {
        static IEnumerable<string> Settable(Type type, string prefix) =>
            type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }).Select(p => prefix + p.Name);
        var expected = Settable(record, "").Concat(nested.SelectMany(n => Settable(n.Type, n.Name + "."))).Order(StringComparer.Ordinal);
        Assert.Equal(expected, varied.Order(StringComparer.Ordinal));
    }

    private static void AssertEachChangesTheKey<T>(T start, Dictionary<string, Func<T, T>> variants, Func<T, string> key)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal) { [key(start)] = "the start" };
        foreach (var (name, vary) in variants)
        {
            var written = key(vary(start));
            Assert.False(keys.TryGetValue(written, out var other), $"{name} varied writes the key of {other}: {written}");
            keys[written] = name;
        }
    }
}
