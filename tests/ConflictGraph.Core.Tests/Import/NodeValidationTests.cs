using static ConflictGraph.Core.Tests.Import.Validation;

namespace ConflictGraph.Core.Tests.Import;

public sealed class NodeValidationTests
{
    [Fact]
    public async Task AMissingNameIsRequired() =>
        Assert.Equal("persons[1].name: required", await OnlyProblemAsync("""
            { "persons": [ { "id": "person:a", "name": "A" }, { "id": "person:b", "name": " " } ] }
            """));

    [Fact]
    public async Task AMisspelledEventKindListsTheKinds() =>
        Assert.Equal(
            "events[0].kind: 'AIRSTRKE' is not an EventKind (one of AIRSTRIKE, ROCKET_ATTACK, DRONE_ATTACK, ARTILLERY_FIRE, " +
            "TARGETED_KILLING, GROUND_ATTACK, ARMED_CLASH, PROTEST, POLITICAL, OTHER)",
            await OnlyProblemAsync("""{ "events": [ { "id": "event:a", "title": "A", "kind": "AIRSTRKE" } ] }"""));

    [Fact]
    public async Task ADateEndingBeforeItStartsIsRefused() =>
        Assert.Equal("events[0].date.end: before start", await OnlyProblemAsync("""
            { "events": [ { "id": "event:a", "title": "A", "kind": "AIRSTRIKE",
                            "date": { "start": "2021-06-27", "end": "2021-06-26", "precision": "DAY" } } ] }
            """));

    [Fact]
    public async Task DatesMustBeYearMonthDay() =>
        Assert.Equal("events[0].date.start: '27/06/2021' is not a date (YYYY-MM-DD)", await OnlyProblemAsync("""
            { "events": [ { "id": "event:a", "title": "A", "kind": "AIRSTRIKE", "date": { "start": "27/06/2021", "precision": "DAY" } } ] }
            """));

    [Fact]
    public async Task AnInstantMustSayItsOffset() =>
        Assert.Equal("events[0].date.at: '2021-06-27T21:30:00' is not an ISO-8601 instant with offset (e.g. 2021-06-27T21:30:00Z)",
            await OnlyProblemAsync("""
            { "events": [ { "id": "event:a", "title": "A", "kind": "AIRSTRIKE",
                            "date": { "start": "2021-06-27", "precision": "DAY", "at": "2021-06-27T21:30:00" } } ] }
            """));

    [Fact]
    public async Task APrecisionIsRequiredAndNamed() =>
        Assert.Equal(
            ["events[0].date.precision: required", "events[1].date.precision: 'FORTNIGHT' is not a DatePrecision (one of DAY, MONTH, YEAR, DAYS, WEEK)"],
            await ProblemsAsync("""
            { "events": [
                { "id": "event:a", "title": "A", "kind": "AIRSTRIKE", "date": { "start": "2021-06-27" } },
                { "id": "event:b", "title": "B", "kind": "AIRSTRIKE", "date": { "start": "2021-06-27", "precision": "FORTNIGHT" } } ] }
            """));

    [Fact]
    public async Task AnIdUsedTwiceNamesTheFirstUse() =>
        Assert.Equal("organizations[0].id: 'org:x' also used by persons[0]", await OnlyProblemAsync("""
            { "persons": [ { "id": "org:x", "name": "X" } ],
              "organizations": [ { "id": "org:x", "name": "X", "kind": "ARMED_GROUP" } ] }
            """));

    [Fact]
    public async Task IdsHoldNoSpaces() =>
        Assert.Equal("persons[0].id: 'person:john kirby' is not a valid id (' ' is not allowed; use letters, digits and :._-)",
            await OnlyProblemAsync("""{ "persons": [ { "id": "person:john kirby", "name": "John Kirby" } ] }"""));

    [Fact]
    public async Task IdsAreAtMostTwoHundredCharacters()
    {
        var id = "person:" + new string('a', 194);

        Assert.Equal($"persons[0].id: '{id[..20]}...' is 201 characters long (at most 200)",
            await OnlyProblemAsync($$"""{ "persons": [ { "id": "{{id}}", "name": "A" } ] }"""));
    }

    [Fact]
    public async Task ANodeWithoutIdIsRefused() =>
        Assert.Equal("places[0].id: required", await OnlyProblemAsync("""{ "places": [ { "name": "Syria", "kind": "COUNTRY" } ] }"""));

    [Fact]
    public async Task CasualtyBoundsAreOrderedAndNotNegative() =>
        Assert.Equal(
            ["statements[0].casualtyReports[0].killedMax: 2 is less than killedMin 4",
             "statements[0].casualtyReports[0].injuredMin: -1 is negative"],
            await ProblemsAsync("""
            { "events": [ { "id": "event:a", "title": "A", "kind": "AIRSTRIKE" } ],
              "statements": [ { "id": "statement:a", "text": "Four died.", "stance": "REPORTS",
                                "casualtyReports": [ { "eventId": "event:a", "killedMin": 4, "killedMax": 2, "injuredMin": -1 } ] } ] }
            """));

    [Fact]
    public async Task CoordinatesStayOnTheGlobe() =>
        Assert.Equal(
            ["places[0].location.latitude: 95.5 is outside -90..90", "places[0].location.longitude: required"],
            await ProblemsAsync("""{ "places": [ { "id": "place:x", "name": "X", "kind": "CITY", "location": { "latitude": 95.5 } } ] }"""));

    [Fact]
    public async Task ARoleCannotEndBeforeItBegins() =>
        Assert.Equal("persons[0].roles[0].until: before since", await OnlyProblemAsync("""
            { "persons": [ { "id": "person:a", "name": "A", "roles": [ { "title": "Spokesman", "since": "2021-01-01", "until": "2020-01-01" } ] } ] }
            """));

    [Fact]
    public async Task NullItemsAreNamed() =>
        Assert.Equal(
            ["persons[0].aliases[0]: required", "events[0]: must be an object, not null"],
            await ProblemsAsync("""{ "persons": [ { "id": "person:a", "name": "A", "aliases": [ null ] } ], "events": [ null ] }"""));

    [Fact]
    public async Task StatementsNeedTextAndAStance() =>
        Assert.Equal(
            ["statements[0].text: required",
             "statements[0].stance: 'CLAIMS' is not a Stance (one of ASSERTS, DENIES, CONDEMNS, ACCUSES, DEFENDS, THREATENS, WARNS, CALLS_FOR, REPORTS)",
             "statements[0].medium: 'TWEET' is not a Medium (one of PRESS_BRIEFING, PRESS_RELEASE, SOCIAL_MEDIA, INTERVIEW, JOINT_STATEMENT, REPORT, SPEECH, VIDEO, OTHER)"],
            await ProblemsAsync("""{ "statements": [ { "id": "statement:a", "stance": "CLAIMS", "medium": "TWEET" } ] }"""));

    [Fact]
    public async Task SourcesLinkWithAbsoluteUrls() =>
        Assert.Equal("sources[0].url: 'apnews.com/x' is not an absolute http(s) URL",
            await OnlyProblemAsync("""{ "sources": [ { "id": "source:ap", "title": "AP", "url": "apnews.com/x" } ] }"""));
}
