using ConflictGraph.Api.Tests.Infrastructure;
using static ConflictGraph.Api.Tests.Questions.SeedAnswers;
using static ConflictGraph.Tests.SeedIds;

namespace ConflictGraph.Api.Tests.Questions;

/// <summary>
/// Who struck back at what, in whose words: questions 1, 2, 8 and 15 of the seed report, each one
/// GraphQL query over HTTP against a freshly seeded service.
/// </summary>
public sealed class ResponseQuestionsTests(ConflictGraphApp app) : IClassFixture<ConflictGraphApp>
{
    [Fact]
    public async Task Q1ResponsesInTheSpeakersOwnWordsAndOnlyFebruaryIsARetaliation()
    {
        var data = await app.AskAsync($$"""
            { responses(first: 50) { totalCount nodes { type from { id } to { id } {{ClaimFields}} } }
              retaliations { totalCount nodes { from { id } to { id } {{ClaimFields}} } } }
            """);
        var retaliation = Assert.Single(data.At("retaliations.nodes")!.AsArray())!;
        Assert.Equal((FebruaryStrikes, FebruaryRockets), (retaliation.Text("from.id"), retaliation.Text("to.id")));
        Assert.Equal(["Pentagon|retaliation"], retaliation["claims"].Claims());

        var responses = data.At("responses.nodes")!;
        Assert.Equal(4, data.At("responses.totalCount")!.GetValue<int>());
        var june = responses.Single("from.id", JuneStrikes);
        Assert.Equal(("RESPONSE_TO", DroneAttacks), (june.Text("type"), june.Text("to.id")));
        Assert.Equal(["Antony Blinken|self-defense", "John Kirby|defensive; in response to the attacks by militias"], june["claims"].Claims().Order(StringComparer.Ordinal));
        var artillery = responses.Single("from.id", Artillery);
        Assert.Equal(("RESPONSE_TO", Rockets, "Wayne Marotto|self-defense"), (artillery.Text("type"), artillery.Text("to.id"), Assert.Single(artillery["claims"].Claims())));
        var resolution = responses.Single("from.id", "event:2020-iraqi-parliament-resolution");
        Assert.Equal(("RESPONSE_TO", "Associated Press|prompted"), (resolution.Text("type"), Assert.Single(resolution["claims"].Claims())));
        Assert.Equal("RETALIATION_FOR", responses.Single("from.id", FebruaryStrikes).Text("type"));
        Assert.All(responses.AsArray().SelectMany(r => r!["claims"]!.AsArray()), c => Assert.Equal(Report, c.Text("statement.reportedIn.id")));
    }

    [Fact]
    public async Task Q2TheRocketAttackInSyriaOnJune28HasNoNamedPerpetratorAndArtilleryAnsweredIt()
    {
        var data = await app.AskAsync("""
            { events(filter: { placeId: "place:syria", from: "2021-06-28", to: "2021-06-28" }) { nodes { id kind date { at text }
                perpetrators { name } respondsTo { id } retaliationFor { id }
                respondedBy { from { id ... on Event { perpetrators { name } } }
                  claims { characterization statement { speaker { name } medium primarySource { kind } reportedIn { id } } } } } } }
            """);
        var events = data.At("events.nodes")!;
        Assert.Equal([Rockets, Artillery], events.Each("id").Order(StringComparer.Ordinal));
        var rocket = events.Single("id", Rockets);
        Assert.Empty(rocket["perpetrators"]!.AsArray());
        Assert.Empty(rocket["respondsTo"]!.AsArray());
        Assert.Empty(rocket["retaliationFor"]!.AsArray());
        Assert.Equal("2021-06-28T19:44:00+03:00", rocket.Text("date.at"));
        var answer = Assert.Single(rocket["respondedBy"]!.AsArray())!;
        Assert.Equal((Artillery, "U.S. forces in Syria"), (answer.Text("from.id"), answer.Text("from.perpetrators.0.name")));
        var claim = Assert.Single(answer["claims"]!.AsArray())!;
        Assert.Equal(("self-defense", "Wayne Marotto", "SOCIAL_MEDIA", "SOCIAL_MEDIA_POST", Report),
            (claim.Text("characterization"), claim.Text("statement.speaker.name"), claim.Text("statement.medium"),
             claim.Text("statement.primarySource.kind"), claim.Text("statement.reportedIn.id")));
    }

    [Fact]
    public async Task Q8TheArtilleryAnsweredTheRocketAttackAndNoChainGoesFurtherBack()
    {
        var data = await app.AskAsync($$"""
            { node(id: "{{Artillery}}") { ... on Event { escalation(direction: BACKWARD, maxDepth: 10) { type from { id } to { id } {{ClaimFields}} } } } }
            """);
        var link = Assert.Single(data.At("node.escalation")!.AsArray())!;
        Assert.Equal(("RESPONSE_TO", Rockets), (link.Text("type"), link.Text("to.id")));
        Assert.Equal(["Wayne Marotto|self-defense"], link["claims"].Claims());
    }

    [Fact]
    public async Task Q15BidenAuthorizedTheFebruaryStrikesByHisOwnAccountAndNoOneIsSaidToHaveAuthorizedJunes()
    {
        var data = await app.AskAsync($$"""
            { february: node(id: "{{FebruaryStrikes}}") { ... on Event { authorizedBy { from { id ... on Person { name } } status
                claims { characterization statement { speaker { name } date { start end precision } } } } } }
              june: node(id: "{{JuneStrikes}}") { ... on Event { authorizedBy { from { id } } } } }
            """);
        var authorized = Assert.Single(data.At("february.authorizedBy")!.AsArray())!;
        Assert.Equal(("Joe Biden", "UNCONTESTED"), (authorized.Text("from.name"), authorized.Text("status")));
        var claim = Assert.Single(authorized["claims"]!.AsArray())!;
        Assert.Equal(("Joe Biden", "his decision to authorize", "2021-02-01", "2021-02-28", "MONTH"),
            (claim.Text("statement.speaker.name"), claim.Text("characterization"), claim.Text("statement.date.start"),
             claim.Text("statement.date.end"), claim.Text("statement.date.precision")));
        Assert.Empty(data.At("june.authorizedBy")!.AsArray());
    }
}
