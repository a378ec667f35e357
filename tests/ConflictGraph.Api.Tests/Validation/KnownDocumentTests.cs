using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConflictGraph.Api.Tests.Infrastructure;
using ConflictGraph.Api.Validation;
using GraphQL.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictGraph.Api.Tests.Validation;

/// <summary>
/// A document the service has run once is not walked again at later requests
/// (<see cref="KnownDocumentValidator"/>); everything a client sees stays what GraphQL.NET's own
/// validator gives a document it has never seen: each bad request is sent before the document is
/// known and again after, and both answers must be the same bytes.
/// </summary>
public sealed class KnownDocumentTests : IDisposable
{
    private const string Strikes = "event:2021-06-27-us-airstrikes";
    private const string ById = "query ById($id: ID!) { node(id: $id) { id ... on Event { title kind } } }";

    private readonly ConflictGraphApp app = new();

    private ValidatedDocuments Validated => app.Services.GetRequiredService<ValidatedDocuments>();

    private async Task<(int Status, string Body)> PostAsync(string query, object? variables, string? operationName = null)
    {
        var client = await app.ReadyClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables, operationName }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The bad request before the document is known, the good one that makes it known, the bad one again; the two bad answers.</summary>
    private async Task<(int Status, string Body)> BadBeforeAndAfterAsync(string query, object good, object bad, string? operationName = null, string? badOperationName = null)
    {
        var before = await PostAsync(query, bad, badOperationName ?? operationName);
        var first = await PostAsync(query, good, operationName);
        Assert.True(JsonNode.Parse(first.Body)!["errors"] is null, first.Body);
        var after = await PostAsync(query, bad, badOperationName ?? operationName);
        Assert.Equal(before, after);
        return after;
    }

    private static IEnumerable<string> Messages((int Status, string Body) answer) =>
        JsonNode.Parse(answer.Body)!["errors"]!.AsArray().Select(e => e!["message"]!.GetValue<string>());

    private static void AssertOneError((int Status, string Body) answer, int status, string code, string message)
    {
        Assert.Equal(status, answer.Status);
        var errors = JsonNode.Parse(answer.Body)!["errors"]!.AsArray();
        Assert.Single(errors);
        Assert.Equal(code, errors[0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(message, errors[0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheValidatorIsTheOneThatKnowsDocumentsAndASecondRequestUsesWhatItKnows()
    {
        Assert.IsType<KnownDocumentValidator>(app.Services.GetRequiredService<IDocumentValidator>());
        var first = await PostAsync(ById, new { id = Strikes });
        Assert.Equal(0, Validated.KnownOperations);
        var second = await PostAsync(ById, new { id = Strikes });
        Assert.Equal(1, Validated.KnownOperations);
        Assert.Equal(first, second);
        Assert.Contains("\"kind\":\"AIRSTRIKE\"", second.Body);
    }

    [Fact]
    public async Task AMissingNonNullVariableIsRefusedAsBefore()
    {
        var answer = await BadBeforeAndAfterAsync(ById, new { id = Strikes }, new { });
        AssertOneError(answer, 400, "INVALID_VALUE", "Variable '$id' is invalid. No value provided for a non-null variable.");
    }

    [Fact]
    public async Task NullIntoANonNullVariableIsRefusedAsBefore()
    {
        var answer = await BadBeforeAndAfterAsync(ById, new { id = Strikes }, new { id = (string?)null });
        AssertOneError(answer, 400, "INVALID_VALUE", "Variable '$id' is invalid. Received a null input for a non-null variable.");
    }

    [Fact]
    public async Task AValueOfTheWrongTypeIsRefusedAsBefore()
    {
        var answer = await BadBeforeAndAfterAsync(ById, new { id = Strikes }, new { id = new { a = 1 } });
        AssertOneError(answer, 400, "INVALID_VALUE", "Variable '$id' is invalid. Unable to convert '(object)' to 'ID'");
    }

    [Fact]
    public async Task NullInAListOfNonNullIsRefusedAsBefore()
    {
        var answer = await BadBeforeAndAfterAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids = new[] { Strikes } }, new { ids = new string?[] { Strikes, null } });
        AssertOneError(answer, 400, "INVALID_VALUE", "Variable '$ids[1]' is invalid. Received a null input for a non-null variable.");
    }

    [Fact]
    public async Task ANullableVariableWithADefaultIsStillNonNullWhereItFeedsANonNullArgument()
    {
        const string query = "query($id: ID = \"" + Strikes + "\") { node(id: $id) { id } }";
        var answer = await BadBeforeAndAfterAsync(query, new { }, new { id = (string?)null });
        AssertOneError(answer, 400, "INVALID_VALUE", "Variable '$id' is invalid. Received a null input for a non-null variable.");
        Assert.Contains(Strikes, (await PostAsync(query, new { })).Body);
    }

    [Fact]
    public async Task AnUnknownInputFieldOrEnumValueIsRefusedAsBefore()
    {
        const string query = "query($filter: EventFilter) { events(filter: $filter) { totalCount } }";
        var unknownField = await BadBeforeAndAfterAsync(query, new { filter = new { kinds = new[] { "AIRSTRIKE" } } }, new { filter = new { nope = 1 } });
        AssertOneError(unknownField, 400, "INVALID_VALUE", "Variable '$filter' is invalid. Unrecognized input fields 'nope' for type 'EventFilter'.");
        var unknownEnum = await PostAsync(query, new { filter = new { kinds = new[] { "NOPE" } } });
        Assert.StartsWith("Variable '$filter.kinds[0]' is invalid.", Messages(unknownEnum).Single());
        Assert.Equal(400, unknownEnum.Status);
    }

    [Fact]
    public async Task AnArgumentRefusedByTheResolverIsRefusedAsBefore()
    {
        const string query = "query($after: String) { events(after: $after) { totalCount } }";
        var answer = await BadBeforeAndAfterAsync(query, new { after = (string?)null }, new { after = "bm90LW91cnM" });
        Assert.Contains("not a cursor this service issued", Messages(answer).Single());
        Assert.Contains("BAD_USER_INPUT", answer.Body);
    }

    [Fact]
    public async Task AnUnknownOrMissingOperationNameIsRefusedAsBefore()
    {
        const string query = "query A { stats { nodes } } query B { stats { relations } }";
        var unknown = await BadBeforeAndAfterAsync(query, new { }, new { }, operationName: "A", badOperationName: "C");
        AssertOneError(unknown, 400, "INVALID_OPERATION_NAME", "Document does not contain an operation named 'C'.");
        var missing = await PostAsync(query, new { });
        AssertOneError(missing, 400, "NO_OPERATION_NAME", "Document contains more than one operation, but the operation name was not specified.");
        Assert.Contains("\"relations\":", (await PostAsync(query, new { }, "B")).Body);
    }

    [Fact]
    public async Task ADocumentThatFailsValidationIsNeverKnownAndFailsEachTime()
    {
        const string query = "query($id: ID!) { node(id: $id) { id nope } }";
        var first = await PostAsync(query, new { id = Strikes });
        var second = await PostAsync(query, new { id = Strikes });
        Assert.Equal(first, second);
        AssertOneError(second, 400, "FIELDS_ON_CORRECT_TYPE", "Cannot query field 'nope' on type 'Node'.");
        Assert.Equal(0, Validated.KnownOperations);
    }

    [Fact]
    public async Task ADocumentWhoseVariablesFailedIsNotKnownUntilItRuns()
    {
        await PostAsync(ById, new { });
        await PostAsync(ById, new { });
        Assert.Equal(0, Validated.KnownOperations);
    }

    [Fact]
    public async Task DirectivesFragmentsAndAliasesAnswerTheSameOnceKnown()
    {
        const string query = """
            query Facts($id: ID!, $types: [RelationType!]) {
              first: node(id: $id) { ...Event @include(if: true) id @skip(if: false) }
              again: node(id: "event:2021-06-27-first-strike-syria") { ... on Event @include(if: true) { title } }
              stats @skip(if: true) { nodes }
            }
            fragment Event on Event { title relations(types: $types) { type } date { start end } }
            """;
        var variables = new { id = Strikes, types = new[] { "CARRIED_OUT" } };
        var first = await PostAsync(query, variables);
        Assert.True(JsonNode.Parse(first.Body)!["errors"] is null, first.Body);
        var second = await PostAsync(query, variables);
        Assert.Equal(1, Validated.KnownOperations);
        Assert.Equal(first, second);
        Assert.Contains("\"type\":\"CARRIED_OUT\"", second.Body);
        Assert.DoesNotContain("\"stats\"", second.Body);
        var badEnum = await PostAsync(query, new { id = Strikes, types = new[] { "NOPE" } });
        Assert.StartsWith("Variable '$types[0]' is invalid.", Messages(badEnum).Single());
    }

    [Fact]
    public async Task IntrospectionRunsAgainOnceKnown()
    {
        var first = await PostAsync(Transport.Introspection.Query, null);
        var second = await PostAsync(Transport.Introspection.Query, null);
        Assert.Equal(200, second.Status);
        Assert.Equal(first, second);
        Assert.Contains("\"__schema\"", second.Body);
    }

    public void Dispose() => app.Dispose();
}
