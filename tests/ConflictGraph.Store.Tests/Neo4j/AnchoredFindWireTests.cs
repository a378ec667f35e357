using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Store.Tests.Neo4j;

/// <summary>
/// A list of the nodes that name one node (an actor's statements, an event's, an organization's, a
/// place's events) starts, in its MATCH, from that node's id, which the id constraint's index finds,
/// and never from every node of the kind tested one by one in a WHERE: the linter's structure check
/// cannot see that difference, so it is checked on what the store sends.
/// </summary>
public sealed class AnchoredFindWireTests
{
    public static TheoryData<string, string> Criteria => new()
    {
        { "speaker", "person:kirby" }, { "about", "event:strikes" }, { "source", "source:report" },
        { "actor", "org:pentagon" }, { "organization", "org:pentagon" },
        { "place", "place:syria" }, { "perpetrator", "org:kh" }, { "target", "org:kh" },
    };

    private static NodeQuery QueryFor(string criterion, string id) => criterion switch
    {
        "speaker" => Statements(new() { SpeakerId = id }),
        "about" => Statements(new() { AboutId = id }),
        "source" => Statements(new() { SourceId = id }),
        "actor" => Statements(new() { ActorId = id }),
        "organization" => Statements(new() { OrganizationId = id }),
        "place" => Events(new() { PlaceId = id }),
        "perpetrator" => Events(new() { PerpetratorId = id }),
        _ => Events(new() { TargetId = id }),
    };

    private static NodeQuery Statements(StatementCriteria criteria) => new() { Kinds = [NodeKind.Statement], Order = NodeOrder.DateAsc, Statements = criteria };

    private static NodeQuery Events(EventCriteria criteria) => new() { Kinds = [NodeKind.Event], Order = NodeOrder.DateAsc, Events = criteria };

    [Theory]
    [MemberData(nameof(Criteria))]
    public async Task AListOfWhatNamesOneNodeStartsFromThatNodesId(string criterion, string id)
    {
        var (store, server) = WireScripts.Store(WireScripts.WithSchema(new ScriptedServer()).Otherwise(body =>
            WireScripts.LevelAnswer(body, 0, _ => [])));
        using (store) await store.FindNodesAsync([(QueryFor(criterion, id), new PageRequest(5))], CancellationToken.None);

        var sent = server.Requests.Select(r => WireScripts.StatementOf(r.Body)).OfType<string>().Skip(WireScripts.SetUp).ToList();
        // The total and the page, each a subquery of the one statement, its value read from the page's map.
        var matches = Assert.Single(sent).Split("CALL (page) { ").Skip(1).Select(part => part[..part.IndexOf(" WITH DISTINCT n", StringComparison.Ordinal)]).ToList();
        Assert.Equal(2, matches.Count);
        Assert.All(matches, match => Assert.Contains($"{{id: page.{criterion}}})", match));
    }
}
