using System.Text;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Import.Sources;
using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Tests.Import;

/// <summary>Stored node bodies read back as the nodes that were written, whatever else a body holds.</summary>
public sealed class NodeJsonTests
{
    private static readonly FuzzyDate June27 = FuzzyDate.Day(new DateOnly(2021, 6, 27));

    public static TheoryData<Node> EveryKind =>
    [
        new Person("person:kirby", "John Kirby", ["Kirby"], "Spokesman", [new Role("Press secretary", "org:pentagon", new DateOnly(2021, 1, 20))]),
        new Organization("org:kh", "Kata'ib Hezbollah", ["KH", "كتائب حزب الله"], null, OrganizationKind.ArmedGroup, "place:iraq"),
        new Place("place:depot", "Depot \"north\" — 𝔇epot", [], "near the border", PlaceKind.Site, new GeoPoint(34.4, -40.95), LocationPrecision.Near, "gazetteer"),
        new Event("event:strikes", "Airstrikes on depots", EventKind.Airstrike, "Strikes\nat night", June27),
        new Source("source:report", "A report", "org:press", "https://example.org/a?b=1&c=2", new DateOnly(2021, 6, 28), SourceKind.NewsReport, "source:tweet"),
        new Statement("statement:monitor", "At least seven were killed.", Stance.Reports, June27, Medium.Report, "org:press", null, null,
            ["event:strikes"], "source:report", [new CasualtyReport("event:strikes", 7, null, 0, 2147483647, "fighters", VictimCategory.Combatants)]),
    ];

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void EveryKindReadsBackAsTheNodeThatWasWritten(Node node)
    {
        var body = NodeJson.Serialize(node);

        var read = NodeJson.Parse(EnumNames.Of(node.Kind), Encoding.UTF8.GetBytes(body));

        Assert.Equal(body, NodeJson.Serialize(read));
        Assert.Equal(node.Label, read.Label);
    }

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void TheUtf8BodyIsTheTextBodyEncoded(Node node) =>
        Assert.Equal(Encoding.UTF8.GetBytes(NodeJson.Serialize(node)), NodeJson.SerializeToUtf8(node));

    [Fact]
    public void FieldsTheBodyDoesNotKnowAreSkippedAtEveryDepth()
    {
        const string body = """
            {"id":"event:e","future":{"a":[1,{"b":null}],"c":"d"},"title":"T","kind":"AIRSTRIKE",
             "date":{"start":"2021-06-27","end":"2021-06-27","precision":"DAY","zone":"UTC"},"tags":["x","y"],"n":1.5e3}
            """;

        var read = Assert.IsType<Event>(NodeJson.Parse("EVENT", body));

        Assert.Equal(new Event("event:e", "T", EventKind.Airstrike, null, June27), read);
    }

    [Fact]
    public void NullFieldsReadAsAbsent()
    {
        const string body = """{"id":"place:p","name":"P","aliases":null,"description":null,"kind":"CITY","location":null,"precision":null}""";

        var read = Assert.IsType<Place>(NodeJson.Parse("PLACE", body));

        Assert.Empty(read.Aliases);
        Assert.Null(read.Description);
        Assert.Null(read.Location);
        Assert.Null(read.Precision);
    }

    [Fact]
    public void NumbersKeepTheirValueAndACountThatIsNotAWholeNumberIsRefused()
    {
        var place = Assert.IsType<Place>(NodeJson.Parse("PLACE", """{"id":"place:p","name":"P","kind":"SITE","location":{"latitude":3.44E1,"longitude":-0.000001}}"""));
        Assert.Equal(new GeoPoint(34.4, -0.000001), place.Location);

        Assert.ThrowsAny<System.Text.Json.JsonException>(() => NodeJson.Parse("STATEMENT",
            """{"id":"statement:s","text":"t","stance":"REPORTS","casualtyReports":[{"eventId":"event:e","killedMin":7.5}]}"""));
    }

    [Fact]
    public void EscapedAndRawUnicodeReadAsTheSameText()
    {
        var escaped = NodeJson.Parse("PERSON", """{"id":"person:a","name":"Ab\u00fc \ud835\udd07 \"q\"","aliases":["\u0643"]}""");
        var raw = NodeJson.Parse("PERSON", "{\"id\":\"person:a\",\"name\":\"Abü 𝔇 \\\"q\\\"\",\"aliases\":[\"ك\"]}");

        Assert.Equal("Abü 𝔇 \"q\"", escaped.Label);
        Assert.Equal(NodeJson.Serialize(escaped), NodeJson.Serialize(raw));
    }

    /// <summary>Event bodies the export's plain reader reads itself, and ones it leaves to the serializer.</summary>
    public static TheoryData<string> EventBodies =>
    [
        NodeJson.Serialize(new Event("event:strikes", "Airstrikes on depots", EventKind.Airstrike, "Strikes\nat night \"north\" — 𝔇", June27)),
        NodeJson.Serialize(new Event("event:e", "T", EventKind.Other, null, null)),
        NodeJson.Serialize(new Event("event:p", "P", EventKind.Protest, "d", new FuzzyDate(new DateOnly(2021, 6, 1), new DateOnly(2021, 6, 30),
            DatePrecision.Month, new DateTimeOffset(2021, 6, 3, 20, 31, 0, TimeSpan.FromHours(3)), "early June", DateExtent.Period))),
        """{"id":"event:e","title":"A\u00fc \ud835\udd07 \u002B","kind":"AIRSTRIKE","description":null,"date":null}""",
        """{"title":"first","id":"event:e","kind":"AIRSTRIKE","title":"second","date":{"precision":"DAY","start":"2021-06-27"}}""",
        """ {"id":"event:e","title":"T","kind":"NOT_A_KIND","date":{"start":"2021-06-27","end":null,"precision":"YEAR","extent":"PERIOD","text":null,"at":null}} """,
        """{"id":"event:e","title":"T","kind":"AIRSTRIKE","future":{"a":[1]},"date":{"start":"2021-06-27","precision":"DAY","zone":"UTC"}}""",
        """{"id":"event:e","title":"T","kind":"AIRSTRIKE","date":{"start":"2021-06-27","precision":"DAY","zone":"UTC"}}""",
        """{"id":"event:e","title":"T","kind":"AIRSTRIKE","Title":"other case"}""",
        """{}""",
    ];

    [Theory]
    [MemberData(nameof(EventBodies))]
    public void AnEventBodyReadForAnExportIsTheEventTheSerializerReads(string body)
    {
        var utf8 = Encoding.UTF8.GetBytes(body);

        Assert.Equal(NodeJson.Parse("EVENT", utf8), NodeJson.ParseEvent(utf8));
    }

    [Theory]
    [InlineData("""{"id":"event:e","title":7,"kind":"AIRSTRIKE"}""")]
    [InlineData("""{"id":"event:e","title":"T","kind":"AIRSTRIKE","date":"2021-06-27"}""")]
    [InlineData("""{"id":"event:e","title":"T","kind":"AIRSTRIKE"} {}""")]
    [InlineData("""{"id":"event:e","title":"T",""")]
    [InlineData("null")]
    public void AnEventBodyTheSerializerRefusesIsRefusedForAnExportToo(string body)
    {
        var utf8 = Encoding.UTF8.GetBytes(body);

        var serializer = Record.Exception(() => NodeJson.Parse("EVENT", utf8));
        var export = Record.Exception(() => NodeJson.ParseEvent(utf8));

        Assert.NotNull(serializer);
        Assert.Equal(serializer.GetType(), export?.GetType());
    }

    /// <summary>
    /// Bodies of every kind that the plain readers read themselves and ones they leave to the serializer: escapes,
    /// unicode, fields missing, nulls (values, objects, lists and list items), repeated fields, numbers written
    /// every way, fields the types do not have, and values of the wrong type.
    /// </summary>
    public static TheoryData<string, string> AwkwardBodies => new()
    {
        { "PERSON", """{"id":"person:a","name":"Ab\u00fc \ud835\udd07 \"q\" \/ \\ \t","aliases":["\u0643","ك",null],"description":null}""" },
        { "PERSON", """{"id":"person:a","name":"A","roles":[{"title":"T","organizationId":"org:o","since":"2021-01-20","until":null},null,{}]}""" },
        { "PERSON", """{"id":"person:a","roles":null,"aliases":null}""" },
        { "PERSON", """{"name":"first","id":"person:a","name":"second","aliases":["x"],"aliases":["y","z"]}""" },
        { "PERSON", """{"id":"person:a","name":"A","roles":[{"title":"T","rank":3}]}""" },
        { "PERSON", """{"id":"person:a","name":"A","aliases":"not a list"}""" },
        { "PERSON", """{"id":"person:a","name":"A","roles":{"title":"T"}}""" },
        { "ORGANIZATION", """{"id":"org:o","name":"Kata'ib \u0022H\u0022","aliases":[],"kind":"ARMED_GROUP","countryId":"place:c"}""" },
        { "ORGANIZATION", """{"id":"org:o","name":"O","kind":"NOT_A_KIND","countryId":null,"founded":"1990"}""" },
        { "ORGANIZATION", """{"id":"org:o","name":"O","kind":7}""" },
        { "PLACE", """{"id":"place:p","name":"P","kind":"SITE","location":{"latitude":3.44E1,"longitude":-0.000001},"precision":"NEAR","locationSource":"gazetteer"}""" },
        { "PLACE", """{"id":"place:p","name":"P","kind":"CITY","location":{"latitude":-90,"longitude":180.0e0}}""" },
        { "PLACE", """{"id":"place:p","name":"P","kind":"CITY","location":{"latitude":null}}""" },
        { "PLACE", """{"id":"place:p","name":"P","kind":"CITY","location":{}}""" },
        { "PLACE", """{"id":"place:p","name":"P","kind":"CITY","location":{"latitude":"34.4","longitude":1}}""" },
        { "PLACE", """{"id":"place:p","name":"P","kind":"CITY","location":{"latitude":1,"longitude":2,"altitude":3}}""" },
        { "PLACE", """{"id":"place:p","name":"P","kind":"CITY","location":[1,2]}""" },
        { "SOURCE", """{"id":"source:s","title":"A \u00e9t\u00e9 report","publisherId":"org:p","url":"https://example.org/a?b=1&c=2","publishedAt":"2021-06-28","kind":"NEWS_REPORT","relaysId":"source:t"}""" },
        { "SOURCE", """{"id":"source:s","title":"T","publishedAt":null,"kind":null,"relaysId":null}""" },
        { "SOURCE", """{"id":"source:s","title":"T","publishedAt":"2021-02-30"}""" },
        { "STATEMENT", """{"id":"statement:s","text":"At least \"seven\"\nwere killed.","stance":"REPORTS","date":{"start":"2021-06-27","end":"2021-06-27","precision":"DAY"},"medium":"REPORT","speakerId":"org:p","onBehalfOfId":"org:q","speakerDescription":"a monitor","aboutIds":["event:e","event:f"],"sourceId":"source:s","primarySourceId":"source:t","placeId":"place:p"}""" },
        { "STATEMENT", """{"id":"statement:s","text":"t","stance":"REPORTS","aboutIds":["event:e"],"casualtyReports":[{"eventId":"event:e","killedMin":7,"killedMax":null,"injuredMin":0,"injuredMax":2147483647,"victims":"fighters","victimCategory":"COMBATANTS"}]}""" },
        { "STATEMENT", """{"id":"statement:s","text":"t","stance":"DENIES","aboutIds":[],"casualtyReports":[null,{}],"date":null}""" },
        { "STATEMENT", """{"id":"statement:s","text":"t","stance":"REPORTS","aboutIds":null,"aboutIds":["event:e",null]}""" },
        { "STATEMENT", """{"id":"statement:s","text":"t","stance":"REPORTS","casualtyReports":[{"eventId":"event:e","killedMin":7.5}]}""" },
        { "STATEMENT", """{"id":"statement:s","text":"t","stance":"REPORTS","casualtyReports":[{"eventId":"event:e","killedMin":2147483648}]}""" },
        { "STATEMENT", """{"id":"statement:s","text":"t","stance":"REPORTS","casualtyReports":[{"eventId":"event:e","killedMin":7e0}]}""" },
        { "STATEMENT", """{"id":"statement:s","text":"t","stance":"REPORTS","date":{"start":"2021-06-27","precision":"DAY","zone":"UTC"}}""" },
        { "STATEMENT", """{"id":"statement:s","text":"t","stance":"REPORTS","aboutIds":[1]}""" },
        { "STATEMENT", """{"id":"statement:s","text":"t","stance":"REPORTS","Text":"other case"}""" },
        { "STATEMENT", """{"id":"statement:s","text":"t"} {}""" },
        { "STATEMENT", """{"id":"statement:s","text":"t",""" },
        { "STATEMENT", """[]""" },
        { "STATEMENT", """null""" },
        { "STATEMENT", """{}""" },
    };

    [Theory]
    [MemberData(nameof(AwkwardBodies))]
    public void AnyBodyReadsAsTheSerializerReadsIt(string kind, string body)
    {
        var utf8 = Encoding.UTF8.GetBytes(body);

        var serializer = Record.Exception(() => NodeJson.Deserialize(kind, utf8));
        var read = Record.Exception(() => NodeJson.Parse(kind, utf8));

        Assert.Equal(serializer?.GetType(), read?.GetType());
        if (serializer is null) Assert.Equal(NodeJson.Serialize(NodeJson.Deserialize(kind, utf8)), NodeJson.Serialize(NodeJson.Parse(kind, utf8)));
    }

    [Fact]
    public async Task EveryNodeOfTheSeedFolderIsReadByItsKindsPlainReaderAsTheSerializerReadsIt()
    {
        var root = typeof(NodeJsonTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;
        var source = new JsonFileSource(Directory.GetFiles(Path.Combine(root, "seed"), "*.json").Order(StringComparer.Ordinal).ToList());
        var kinds = new HashSet<NodeKind>();
        await foreach (var (_, item) in source.ReadAsync(SectionGroup.Nodes, CancellationToken.None))
        {
            var node = GraphInputMapper.ToNode(item!);
            var body = NodeJson.SerializeToUtf8(node);
            var kind = EnumNames.Of(node.Kind);

            Assert.NotNull(NodeJson.ReadPlainly(node.Kind, body));
            Assert.Equal(NodeJson.Serialize(NodeJson.Deserialize(kind, body)), NodeJson.Serialize(NodeJson.Parse(kind, body)));
            kinds.Add(node.Kind);
        }
        Assert.Equal(Enum.GetValues<NodeKind>().Length, kinds.Count);
    }

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void EveryKindWithEveryFieldIsReadByItsPlainReader(Node node) =>
        Assert.NotNull(NodeJson.ReadPlainly(node.Kind, NodeJson.SerializeToUtf8(node)));
}
