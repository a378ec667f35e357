using System.Diagnostics;
using System.Text.Json.Nodes;
using ConflictGraph.Api.Tests.Infrastructure;
using ConflictGraph.Tests;

namespace ConflictGraph.Api.Tests.Limits;

/// <summary>
/// The default limits let every page real users send through whole: the benchmark's queries, every document the
/// explorer sends with its largest variables, first-100 pages with their claims and speakers, and the IDE's
/// introspection with every option on.
/// </summary>
public sealed class RealQueriesTests(ConflictGraphApp app) : IClassFixture<ConflictGraphApp>
{
    public static TheoryData<string, string> Pages => new()
    {
        { "the benchmark's 2-level query", $"{{ node(id: \"{SeedIds.JuneStrikes}\") {{ id ... on Event {{ title kind date {{ start end precision }} perpetrators {{ id name }} place {{ id name kind }} statements {{ id text stance }} }} }} }}" },
        { "the benchmark's retaliations", "{ retaliations(first: 20) { totalCount edges { cursor node { id status from { id ... on Event { title } } to { id ... on Event { title } } claimedBy { id text speaker { id name } } disputedBy { id text speaker { id name } } } } } }" },
        { "the benchmark's speakers", "{ actors(first: 20) { nodes { id name statements(first: 5) { totalCount nodes { id } } } } }" },
        { "the benchmark's path search", "{ paths(fromId: \"person:john-kirby\", toId: \"org:kataib-hezbollah\", maxDepth: 3, first: 3) { length nodes { id } relations { type } } }" },
        { "100 events with statements, speakers and claims", "{ events(first: 100) { totalCount pageInfo { endCursor hasNextPage } nodes { id title date { start end } perpetrators { id name } place { id name } statements { id text stance speaker { id name } reportedIn { id title } } retaliationFor { id status claims { position characterization statement { id text speaker { id name } } } } respondsTo { id status claims { position statement { id speaker { id name } } } } } } }" },
        { "100 actors with 100 statements each", "{ actors(first: 100) { nodes { id name statements(first: 100) { totalCount nodes { id text stance date { start } about { id } } } } } }" },
        { "100 relations with claims and speakers", "{ relations(first: 100) { totalCount nodes { id type status from { id } to { id } claims { position characterization statement { id text speaker { id name } onBehalfOf { id name } reportedIn { id title } } } } } }" },
        { "100 statements with what they claim", "{ statements(first: 100) { totalCount nodes { id text stance speaker { id name } about { id } claims { id type from { id } to { id } } disputes { id } positions { position fact { id property value } } } } }" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task TheLargestRealPagesAreAnsweredWhole(string label, string query)
    {
        var answer = await app.PostGraphQLAsync(query);
        Assert.True(answer.Errors.Count == 0, $"{label}: {answer.Errors.ToJsonString()}");
        Assert.NotNull(answer.Data);
    }

    [Fact]
    public async Task TheIdesIntrospectionWithEveryOptionIsAnswered()
    {
        const string query = """
            query IntrospectionQuery {
              __schema {
                description queryType { name } mutationType { name } subscriptionType { name }
                types { ...FullType }
                directives { name description isRepeatable locations args(includeDeprecated: true) { ...InputValue } }
              }
            }
            fragment FullType on __Type {
              kind name description specifiedByURL isOneOf
              fields(includeDeprecated: true) { name description args(includeDeprecated: true) { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
              inputFields(includeDeprecated: true) { ...InputValue }
              interfaces { ...TypeRef }
              enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
              possibleTypes { ...TypeRef }
            }
            fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue isDeprecated deprecationReason }
            fragment TypeRef on __Type {
              kind name
              ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }
            }
            """;
        var answer = await app.PostGraphQLAsync(query);
        Assert.True(answer.Errors.Count == 0, answer.Errors.ToJsonString());
        Assert.Contains(answer.Data!["__schema"]!["types"]!.AsArray(), t => t!["name"]!.GetValue<string>() == "Event");
    }

    [SkippableFact]
    public async Task EveryDocumentTheExplorerSendsIsAnsweredWithItsLargestVariables()
    {
        var documents = await ExplorerDocumentsAsync();
        var events = Enumerable.Range(0, 100).Select(_ => SeedIds.JuneStrikes).ToArray();
        var asked = new (string Name, object Variables)[]
        {
            ("NODE", new { id = SeedIds.JuneStrikes, first = 25 }),
            ("NODE", new { id = SeedIds.KirbyDefensive, first = 25 }),
            ("NODE", new { id = SeedIds.Report, first = 25 }),
            ("MORE_OUTGOING", new { id = "org:kataib-hezbollah", first = 25 }),
            ("MORE_INCOMING", new { id = "org:kataib-hezbollah", first = 25 }),
            ("CLAIMS", new { from = SeedIds.JuneStrikes, to = "org:kataib-hezbollah", type = "TARGETED" }),
            ("FACT_CLAIMS", new { subject = SeedIds.JuneStrikes, property = "function" }),
            ("SEARCH", new { text = "Kataib Hezbollah" }),
            ("PATHS", new { from = "person:john-kirby", to = "org:kataib-hezbollah", depth = 6 }),
            ("EVENTS", new { filter = new { }, first = 100 }),
            ("EVENTS_BY_ID", new { ids = events }),
            ("DISPUTES", new { }),
            ("CAPABILITIES", new { }),
        };
        Assert.Equal(documents.Keys.Order(), asked.Select(a => a.Name).Distinct().Order());
        foreach (var (name, variables) in asked)
        {
            var answer = await app.PostGraphQLAsync(documents[name], variables);
            Assert.True(answer.Errors.Count == 0, $"{name}: {answer.Errors.ToJsonString()}");
        }
    }

    /// <summary>The explorer's documents as its own module builds them, fragments and all (node evaluates queries.js).</summary>
    private static async Task<Dictionary<string, string>> ExplorerDocumentsAsync()
    {
        var source = Path.Combine(ConflictGraphApp.RepoRoot, "src", "ConflictGraph.Api", "Explorer", "site", "js", "queries.js");
        var module = Path.Combine(Path.GetTempPath(), $"explorer-queries-{Guid.NewGuid():N}.mjs");
        File.Copy(source, module);
        try
        {
            var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("--input-type=module");
            start.ArgumentList.Add("-e");
            start.ArgumentList.Add($"console.log(JSON.stringify(await import({JsonValue.Create(new Uri(module).AbsoluteUri).ToJsonString()})))");
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                Skip.If(true, "node is not on PATH: the explorer's documents are built by its own module");
                throw;
            }
            using (process)
            {
                var output = await process.StandardOutput.ReadToEndAsync();
                await process.WaitForExitAsync();
                Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());
                return JsonNode.Parse(output)!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
            }
        }
        finally
        {
            File.Delete(module);
        }
    }
}
