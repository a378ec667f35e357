using ConflictGraph.Core.History;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;
using ConflictGraph.Store.Tests.Conformance;

namespace ConflictGraph.Store.Tests.Sqlite.Plans;

/// <summary>
/// Runs every <see cref="IGraphStore"/> operation with every filter, alone and together, in every
/// order, with and without a cursor, counting and not, against the test world, labelling each
/// call so a statement's plan can be traced back to what asked for it.
/// </summary>
public static class StoreWorkout
{
    /// <summary>Labels of operations that list whole kinds: no criterion in them names a few rows.</summary>
    public const string Listing = "listing ";

    private static CancellationToken None => CancellationToken.None;

    public static async Task RunAsync(IGraphStore store, Action<string> label)
    {
        label("import");
        await store.ImportAsync(TestWorld.Batch, null, None);
        label("import again (unchanged, updated, claims merged, facts)");
        var fact = new Fact("place:depot", "function", "weapons storage",
            [new Claim("statement:kirby", ClaimPosition.Claims, "weapons storage"), new Claim("statement:militia", ClaimPosition.Disputes)]);
        await store.ImportAsync(new GraphBatch(
            [TestWorld.Kirby with { Description = "Spokesman, again" }, TestWorld.KirbyStatement],
            [TestWorld.Relation(RelationType.Targeted, "event:strikes", "org:kh", ["statement:monitor"], ["statement:militia"])]) { Facts = [fact] }, null, None);
        label("import a fact again");
        await store.ImportAsync(new GraphBatch([], []) { Facts = [fact with { Claims = [new Claim("statement:monitor")] }] }, null, None);

        label("get nodes");
        await store.GetNodesAsync(["person:kirby", "event:strikes", "nobody"], None);
        foreach (var direction in Enum.GetValues<Direction>())
        {
            label($"relations {direction}");
            await store.GetRelationsAsync(["event:strikes", "org:kh"], null, direction, None);
            await store.GetRelationsAsync(["event:strikes"], [RelationType.CarriedOut, RelationType.OccurredIn], direction, None);
            label($"expand {direction}");
            await store.ExpandAsync(
                [new ExpandRequest("event:strikes", null, direction), new ExpandRequest("org:kh", [RelationType.BasedIn], direction)],
                ["person:kirby"], None);
            label($"expand ends only {direction}");
            await store.ExpandAsync(
                [new ExpandRequest("event:strikes", null, direction, EndsOnly: true), new ExpandRequest("org:kh", [RelationType.BasedIn], direction, EndsOnly: true),
                 new ExpandRequest("event:drones", [RelationType.CarriedOut, RelationType.OccurredIn], direction, EndsOnly: true)],
                ["person:kirby"], None);
        }
        label("citations");
        await store.GetCitationsAsync(["statement:kirby", "statement:militia"], None);
        label("facts");
        await store.GetFactsAsync(["place:depot", "event:strikes"], None);
        label("event families");
        await store.GetEventFamiliesAsync(["event:strikes", "event:drones"], None);
        label("casualties");
        await store.GetCasualtyReportsAsync(["event:strikes"], None);

        foreach (var query in NodeQueries())
            foreach (var order in Enum.GetValues<NodeOrder>())
                await PageThroughAsync(store, query with { Order = order }, label);
        // Words beside a few candidates and beside many (issue 11, session 24): each candidate checked against the
        // words' terms (WordChecks), or the matches listed once, and the statements that weigh the two sides.
        label("import words by size");
        await store.ImportAsync(GraphStoreConformanceTests.WordsBySizeGraph(), null, None);
        foreach (var query in WordsBySizeQueries())
            foreach (var order in Enum.GetValues<NodeOrder>())
                await PageThroughAsync(store, query with { Order = order }, label);
        foreach (var query in RelationQueries()) await PageThroughAsync(store, query, label);
        foreach (var query in FactQueries()) await PageThroughAsync(store, query, label);

        label("search");
        await store.SearchAsync("kataib hezbollah", null, 10, None);
        await store.SearchAsync("kirby", [NodeKind.Person, NodeKind.Organization], 10, None);
        // A page the name index fills; a kind without names (the text index alone).
        await store.SearchAsync("kataib", null, 1, None);
        await store.SearchAsync("strikes", [NodeKind.Statement], 10, None);
        label("paths");
        await store.FindPathsAsync("person:kirby", "org:kh", 4, 3, None);
        label("places within");
        await store.GetPlacesWithinAsync(["place:syria", "place:iraq"], None);
        foreach (var direction in Enum.GetValues<ChainDirection>())
        {
            label($"escalation {direction}");
            await store.GetEscalationAsync(["event:strikes", "event:artillery"], direction, 4, None);
        }
        label("stats");
        await store.GetStatsAsync(None);
        label("data version");
        await store.GetDataVersionAsync(None);
        label("export nodes");
        await foreach (var _ in store.ExportNodesAsync(None)) { }
        label("export relations");
        await foreach (var _ in store.ExportRelationsAsync(None)) { }
        label("export facts");
        await foreach (var _ in store.ExportFactsAsync(None)) { }
        await AggregateAsync(store, label);
        label("nodes referring to a node");
        await store.GetReferencingNodesAsync("org:pentagon", None);
        label("delete a statement that claims and is cited");
        await store.DeleteNodeAsync("statement:militia", null, None);
        label("delete a node others refer to");
        await store.DeleteNodeAsync("org:pentagon", null, None);
        label("delete a missing node");
        await store.DeleteNodeAsync("person:nobody", null, None);
        label("history of the whole log");
        foreach (var count in new[] { true, false })
        {
            var first = await store.FindHistoryAsync(new HistoryQuery(), new PageRequest(3, null, count), None);
            await store.FindHistoryAsync(new HistoryQuery(), new PageRequest(3, first.EndCursor, count), None);
            await store.FindHistoryAsync(new HistoryQuery(), new PageRequest(0, null, count), None);
        }
        label("history of one target");
        await store.FindHistoryAsync(new HistoryQuery("person:kirby"), new PageRequest(5), None);
        await store.FindHistoryAsync(new HistoryQuery("org:pentagon"), new PageRequest(5, HistoryCursor.Encode(2), false), None);
        label("histories of relations");
        await store.GetHistoryAsync(["event:strikes-[TARGETED]->org:kh", "org:kh-[USED]->place:depot", "nothing"], None);
        label("the log's tail");
        await store.ReadHistoryAsync(2, 10, None);
        label("withdraw a claim");
        await store.WithdrawClaimAsync(new ClaimWithdrawal("statement:monitor", "event:strikes-[TARGETED]->org:kh", null), null, None);
        await store.WithdrawClaimAsync(new ClaimWithdrawal("statement:monitor", null, "place:depot/function=weapons storage"), null, None);
        label("withdraw a claim that is not there");
        await store.WithdrawClaimAsync(new ClaimWithdrawal("statement:kirby", "event:strikes-[TARGETED]->org:kh", null), null, None);
        label("compact the log");
        await store.CompactHistoryAsync(DateTimeOffset.UtcNow.AddDays(1), None);
        label("bulk import");
        var people = Enumerable.Range(0, 10_000).Select(i => (Node)new Person($"person:bulk-{i:D5}", $"Bulk {i}", [], null, [])).ToList();
        await store.ImportAsync(new GraphBatch(people, people.Select(p => new Relation(RelationType.MemberOf, p.Id, "org:kh", [], [])).ToList()), null, None);
    }

    /// <summary>Aggregates by every dimension, alone and together, over all events, kinds and dates, and each selective criterion; exports of each.</summary>
    private static async Task AggregateAsync(IGraphStore store, Action<string> label)
    {
        EventDimension[][] groupings =
        [
            [], [EventDimension.Time], [EventDimension.Kind, EventDimension.AcledEventType], [EventDimension.Perpetrator],
            [EventDimension.Target, EventDimension.Time], [EventDimension.Place], [EventDimension.Place, EventDimension.Perpetrator, EventDimension.Time],
        ];
        (string Name, EventSelection Selection)[] selections =
        [
            ("over all events", EventSelection.All),
            ("over all events of some kinds and dates", new EventSelection(new EventCriteria { Kinds = [EventKind.Airstrike], From = new DateOnly(2021, 6, 1), To = new DateOnly(2021, 6, 30) })),
            ("in a place", new EventSelection(new EventCriteria { PlaceId = "place:syria", From = new DateOnly(2021, 1, 1) })),
            ("in a place at any time", new EventSelection(new EventCriteria { PlaceId = "place:iraq" })),
            ("by a perpetrator", new EventSelection(new EventCriteria { PerpetratorId = "org:kh" })),
            ("against a target", new EventSelection(new EventCriteria { TargetId = "org:kh" })),
            ("by words", new EventSelection(null, "strikes")),
        ];
        foreach (var (name, selection) in selections)
        {
            foreach (var groupBy in groupings)
            {
                label($"aggregate [{string.Join(", ", groupBy)}] {name}");
                await store.AggregateEventsAsync(new Core.Aggregation.EventAggregateQuery(selection, groupBy, Core.Model.TimeBucket.Week), None);
            }
            label($"export events {name}");
            await foreach (var _ in store.ExportEventsAsync(selection, None)) { }
        }
        // The kept cells' shapes (by month): a place in whole months and off them, beside a PLACE grouping, and every place off them.
        var window = new EventCriteria { From = new DateOnly(2021, 1, 15), To = new DateOnly(2021, 9, 20) };
        (string Name, EventCriteria Criteria, EventDimension[] GroupBy)[] cells =
        [
            ("in a place by month", new EventCriteria { PlaceId = "place:iraq" }, [EventDimension.Time]),
            ("in a place by month off month bounds", window with { PlaceId = "place:syria" }, [EventDimension.Time]),
            ("in a place by month and the places of a level", window with { PlaceId = "place:syria" }, [EventDimension.Place, EventDimension.Time]),
            ("over all events by month off month bounds", window, [EventDimension.Place]),
        ];
        foreach (var (name, criteria, groupBy) in cells)
        {
            label($"aggregate [{string.Join(", ", groupBy)}] {name}");
            await store.AggregateEventsAsync(new Core.Aggregation.EventAggregateQuery(new EventSelection(criteria), groupBy, Core.Model.TimeBucket.Month), None);
        }
    }

    /// <summary>A first page, the page after it, an empty page, each counted and not, and read as keys only (counted).</summary>
    private static async Task PageThroughAsync(IGraphStore store, NodeQuery query, Action<string> label)
    {
        var name = $"{(IsListing(query) ? Listing : "")}nodes {Describe(query)}";
        foreach (var (count, keys) in new[] { (true, false), (false, false), (true, true) })
        {
            label(name);
            var first = (await store.FindNodesAsync([(query, new PageRequest(1, null, count, keys))], None))[0];
            var cursor = first.EndCursor ?? Cursor.Encode(query.Order switch { NodeOrder.DateAsc => "a:2021-06-27", NodeOrder.DateDesc => "d:2021-06-27", _ => "i:x" }, "x");
            await store.FindNodesAsync([(query, new PageRequest(2, cursor, count, keys)), (query, new PageRequest(0, null, count, keys))], None);
        }
        if (query.Order == NodeOrder.Id) return;
        // A cursor among undated rows, which come last in both date orders.
        label(name);
        await store.FindNodesAsync([(query, new PageRequest(2, Cursor.Encode(query.Order == NodeOrder.DateAsc ? "a:9999-12-31" : "d:0000-01-01", "x")))], None);
    }

    private static async Task PageThroughAsync(IGraphStore store, RelationQuery query, Action<string> label)
    {
        label($"{(IsListing(query) ? Listing : "")}relations {Describe((object)query)}");
        foreach (var count in new[] { true, false })
        {
            var first = await store.FindRelationsAsync(query, new PageRequest(1, null, count), None);
            await store.FindRelationsAsync(query, new PageRequest(2, first.EndCursor ?? Cursor.Encode("r:x", "x"), count), None);
            await store.FindRelationsAsync(query, new PageRequest(0, null, count), None);
        }
    }

    private static async Task PageThroughAsync(IGraphStore store, FactQuery query, Action<string> label)
    {
        label($"{(query is { SubjectId: null, ClaimedByActorId: null } ? Listing : "")}facts {Describe((object)query)}");
        foreach (var count in new[] { true, false })
        {
            var first = await store.FindFactsAsync(query, new PageRequest(1, null, count), None);
            await store.FindFactsAsync(query, new PageRequest(2, first.EndCursor ?? Cursor.Encode("f:x", "x"), count), None);
            await store.FindFactsAsync(query, new PageRequest(0, null, count), None);
        }
    }

    private static IEnumerable<FactQuery> FactQueries()
    {
        yield return new FactQuery();
        yield return new FactQuery { SubjectId = "place:depot" };
        yield return new FactQuery { Property = "function" };
        yield return new FactQuery { Statuses = [ClaimStatus.Disputed] };
        yield return new FactQuery { ClaimedByActorId = "person:kirby" };
        yield return new FactQuery { SubjectId = "place:depot", Property = "function", Statuses = [ClaimStatus.Disputed], ClaimedByActorId = "person:kirby" };
    }

    private static bool IsListing(NodeQuery query) =>
        query is { Text: null, WithinPlaceId: null, Ids: null }
        && query.Events is null or { PlaceId: null, PerpetratorId: null, TargetId: null }
        && query.Statements is null or { SpeakerId: null, OrganizationId: null, ActorId: null, AboutId: null, SourceId: null };

    private static bool IsListing(RelationQuery query) => query is
    {
        FromId: null, ToId: null, ClaimedByActorId: null, FromPerpetratorId: null, ToPerpetratorId: null, FromDate: null, ToDate: null,
    };

    private static IEnumerable<NodeQuery> NodeQueries()
    {
        foreach (var kind in Enum.GetValues<NodeKind>()) yield return new NodeQuery { Kinds = [kind] };
        yield return new NodeQuery { Kinds = [NodeKind.Event], Ids = ["event:strikes", "event:drones", "event:nowhere"] };
        yield return new NodeQuery { Kinds = Enum.GetValues<NodeKind>() };
        NodeQuery actors = new() { Kinds = [NodeKind.Person, NodeKind.Organization] };
        yield return actors;
        yield return actors with { Text = "kirby" };
        yield return actors with { OrganizationKinds = [OrganizationKind.ArmedGroup] };
        yield return actors with { OrganizationKinds = [OrganizationKind.ArmedGroup, OrganizationKind.Military], Text = "kataib" };
        NodeQuery places = new() { Kinds = [NodeKind.Place] };
        yield return places with { PlaceKinds = [PlaceKind.Country, PlaceKind.Site] };
        yield return places with { WithinPlaceId = "place:syria" };
        yield return places with { WithinPlaceId = "place:syria", PlaceKinds = [PlaceKind.Site], Text = "depot" };
        yield return new NodeQuery { Kinds = [NodeKind.Place, NodeKind.Event, NodeKind.Organization], WithinPlaceId = "place:iraq" };

        NodeQuery events = new() { Kinds = [NodeKind.Event] };
        var day = new DateOnly(2021, 6, 27);
        foreach (var criteria in new EventCriteria[]
        {
            new() { Kinds = [EventKind.Airstrike] },
            new() { Kinds = [EventKind.Airstrike, EventKind.DroneAttack] },
            new() { From = day },
            new() { To = day },
            new() { From = day, To = day.AddDays(30) },
            new() { From = day, To = day.AddDays(30), Kinds = [EventKind.Airstrike] },
            new() { PlaceId = "place:syria" },
            new() { PlaceId = "place:syria", From = day, To = day.AddDays(30) },
            new() { PerpetratorId = "org:pentagon" },
            new() { TargetId = "org:kh" },
            new() { Kinds = [EventKind.Airstrike], From = day, To = day.AddDays(3), PlaceId = "place:syria", PerpetratorId = "org:pentagon", TargetId = "org:kh" },
        })
            yield return events with { Events = criteria };
        yield return events with { Text = "strikes", Events = new EventCriteria { From = day } };
        // Words beside a criterion that drives (issue 11, session 23): the words are that driver's candidates' check.
        foreach (var criteria in new EventCriteria[]
        {
            new() { PlaceId = "place:syria" },
            new() { PlaceId = "place:syria", From = day, To = day.AddDays(30) },
            new() { PlaceId = "place:syria", Kinds = [EventKind.Airstrike] },
            new() { PerpetratorId = "org:pentagon" },
            new() { TargetId = "org:kh" },
            new() { To = day, Kinds = [EventKind.Airstrike] },
        })
            yield return events with { Text = "strikes", Events = criteria };

        NodeQuery statements = new() { Kinds = [NodeKind.Statement] };
        foreach (var criteria in new StatementCriteria[]
        {
            new() { SpeakerId = "person:kirby" },
            new() { OrganizationId = "org:pentagon" },
            new() { ActorId = "org:kh" },
            new() { AboutId = "event:strikes" },
            new() { AboutId = "event:strikes", Stances = [Stance.Denies] },
            new() { Stances = [Stance.Denies, Stance.Reports] },
            new() { SourceId = "source:report" },
            new() { Anonymous = true },
            new() { Anonymous = false, AboutId = "event:strikes" },
            new()
            {
                SpeakerId = "person:kirby", OrganizationId = "org:pentagon", ActorId = "person:kirby", AboutId = "event:strikes",
                Stances = [Stance.Asserts], SourceId = "source:report",
            },
        })
            yield return statements with { Statements = criteria };
        yield return statements with { Text = "drone attacks", Statements = new StatementCriteria { Stances = [Stance.Asserts] } };
        foreach (var criteria in new StatementCriteria[]
        {
            new() { AboutId = "event:strikes" }, new() { SpeakerId = "person:kirby" }, new() { OrganizationId = "org:pentagon" },
            new() { ActorId = "org:kh" }, new() { SourceId = "source:report" }, new() { Anonymous = true },
        })
            yield return statements with { Text = "strikes", Statements = criteria };
        yield return places with { WithinPlaceId = "place:syria", Text = "depot" };
    }

    private static IEnumerable<NodeQuery> WordsBySizeQueries()
    {
        NodeQuery events = new() { Kinds = [NodeKind.Event] }, statements = new() { Kinds = [NodeKind.Statement] };
        foreach (var actor in new[] { "org:few", "org:many" })
            foreach (var text in new[] { "attack", "shell", "attack shell" })
                yield return events with { Text = text, Events = new EventCriteria { PerpetratorId = actor } };
        yield return events with { Text = "attack", Events = new EventCriteria { PerpetratorId = "org:few", From = new DateOnly(2021, 1, 2) } };
        foreach (var speaker in new[] { "person:few", "person:many" })
            yield return statements with { Text = "attack", Statements = new StatementCriteria { SpeakerId = speaker } };
    }

    private static IEnumerable<RelationQuery> RelationQueries()
    {
        var year = new DateOnly(2021, 1, 1);
        yield return new RelationQuery();
        yield return new RelationQuery { Types = [RelationType.RetaliationFor] };
        yield return new RelationQuery { Types = [RelationType.RetaliationFor, RelationType.ResponseTo] };
        yield return new RelationQuery { Statuses = [ClaimStatus.Disputed, ClaimStatus.Denied] };
        yield return new RelationQuery { Types = [RelationType.RetaliationFor], Statuses = [ClaimStatus.Disputed] };
        yield return new RelationQuery { FromId = "event:strikes" };
        yield return new RelationQuery { ToId = "event:drones", Types = [RelationType.RetaliationFor] };
        yield return new RelationQuery { ClaimedByActorId = "person:kirby" };
        yield return new RelationQuery { Types = [RelationType.RetaliationFor], FromPerpetratorId = "org:pentagon" };
        yield return new RelationQuery { Types = [RelationType.RetaliationFor], ToPerpetratorId = "org:kh" };
        yield return new RelationQuery { Types = [RelationType.RetaliationFor], FromDate = year };
        yield return new RelationQuery { Types = [RelationType.RetaliationFor], ToDate = year.AddYears(1) };
        yield return new RelationQuery { Types = [RelationType.RetaliationFor], FromDate = year, ToDate = year.AddYears(1) };
        yield return new RelationQuery
        {
            Types = [RelationType.RetaliationFor], Statuses = [ClaimStatus.Disputed], FromId = "event:strikes", ToId = "event:drones",
            ClaimedByActorId = "person:kirby", FromPerpetratorId = "org:pentagon", ToPerpetratorId = "org:kh", FromDate = year, ToDate = year.AddYears(1),
        };
    }

    private static string Describe(NodeQuery query) => Describe((object)query);

    /// <summary>The criteria that are set, e.g. "Kinds=[Event] Order=DateAsc Events={PlaceId=place:syria}".</summary>
    private static string Describe(object criteria) => string.Join(" ", criteria.GetType().GetProperties()
        .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
        .Select(p => (p.Name, Value: p.GetValue(criteria)))
        .Where(p => p.Value is not null)
        .Select(p => p.Value switch
        {
            string or Enum or DateOnly => $"{p.Name}={p.Value}",
            System.Collections.IEnumerable list => $"{p.Name}=[{string.Join(",", list.Cast<object>())}]",
            var nested => $"{p.Name}={{{Describe(nested!)}}}",
        }));
}
