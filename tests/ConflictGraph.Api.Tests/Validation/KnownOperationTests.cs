using System.Text.Json;
using ConflictGraph.Api.Tests.Infrastructure;
using ConflictGraph.Api.Validation;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictGraph.Api.Tests.Validation;

/// <summary>
/// A known operation gives what GraphQL.NET's validator gives the same document with no rules:
/// the same variables, the same argument and directive values on the same nodes, the same errors.
/// </summary>
public sealed class KnownOperationTests : IDisposable
{
    private readonly ConflictGraphApp app = new();

    public static TheoryData<string, string?, string> Requests => new()
    {
        { "query($id: ID!) { node(id: $id) { id } }", null, """{"id":"event:a"}""" },
        { "query($id: ID!) { node(id: $id) { id } }", null, """{"id":null}""" },
        { "query($id: ID!) { node(id: $id) { id } }", null, "{}" },
        { "query($id: ID = \"event:a\") { node(id: $id) { id } }", null, "{}" },
        { "query($id: ID = \"event:a\") { node(id: $id) { id } }", null, """{"id":null}""" },
        { "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", null, """{"ids":"event:a"}""" },
        { "query($f: EventFilter, $n: Int) { events(filter: $f, first: $n) { totalCount } }", null, """{"f":{"kinds":["AIRSTRIKE"],"from":"2021-06"},"n":3}""" },
        { "query($f: EventFilter) { events(filter: $f) { totalCount } }", null, """{"f":{"kinds":["NOPE"]}}""" },
        { "query($f: EventFilter) { events(filter: $f) { totalCount } }", null, """{"f":{"from":"not a date"}}""" },
        { "{ events(first: 2, filter: {kinds: [AIRSTRIKE]}) { nodes { id statements(first: 1) { totalCount } } } }", null, "{}" },
        {
            """
            query A($id: ID!, $t: [RelationType!], $s: Boolean!) {
              a: node(id: $id) @include(if: $s) { ...E ... on Event @skip(if: false) { title } }
              b: node(id: "x") { ...E }
              search(text: "kataib", kinds: [ORGANIZATION]) { __typename node { __typename ... on Organization { relations(types: $t) { type } } } }
            }
            query B { stats { nodes } }
            fragment E on Event @include(if: true) { relations(types: $t, direction: OUTGOING) { type } }
            """,
            "A", """{"id":"event:a","t":["CARRIED_OUT"],"s":true}"""
        },
        { "query A($id: ID!) { node(id: $id) { id } } query B { stats { nodes } }", "B", "{}" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task AKnownOperationValidatesAsGraphQLNetDoesWithNoRules(string query, string? operationName, string variablesJson)
    {
        var schema = app.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var document = new GraphQLDocumentBuilder().Build(query);
        var operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single(o => operationName is null || o.Name == operationName);
        var variables = app.Services.GetRequiredService<IGraphQLTextSerializer>().Deserialize<Inputs>(variablesJson)!;
        ValidationOptions Options() => new()
        {
            Schema = schema, Document = document, Operation = operation, Rules = [], Variables = variables, Extensions = Inputs.Empty,
            UserContext = new Dictionary<string, object?>(), Metrics = GraphQL.Instrumentation.Metrics.None,
        };

        var expected = await new DocumentValidator().ValidateAsync(Options());
        var known = new KnownOperation(schema, document, operation);

        // The first request's context is made anew; the later ones take it back, with what it found about the operation kept.
        for (var round = 0; round < 3; round++)
            Assert.Equal(Describe(expected), Describe(await known.ValidateAsync(Options())));
    }

    [Fact]
    public async Task RequestsAtOnceOnOneOperationEachGetTheirOwnVariables()
    {
        var schema = app.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var document = new GraphQLDocumentBuilder().Build("query($id: ID, $n: Int) { node(id: $id) { id } events(first: $n) { totalCount } }");
        var operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single();
        var serializer = app.Services.GetRequiredService<IGraphQLTextSerializer>();
        var known = new KnownOperation(schema, document, operation);
        ValidationOptions Options(Inputs variables) => new()
        {
            Schema = schema, Document = document, Operation = operation, Rules = [], Variables = variables, Extensions = Inputs.Empty,
            UserContext = new Dictionary<string, object?>(), Metrics = GraphQL.Instrumentation.Metrics.None,
        };
        // More requests than contexts wait idle, every fifth refused (a list where an Int goes), in parallel and in turn.
        var requests = Enumerable.Range(0, 64).Select(i => serializer.Deserialize<Inputs>(
            i % 5 == 0 ? $$"""{"id":"event:{{i}}","n":[{{i}}]}""" : $$"""{"id":"event:{{i}}","n":{{i}}}""")!).ToList();
        var expected = new List<string>();
        foreach (var variables in requests) expected.Add(Describe(await new DocumentValidator().ValidateAsync(Options(variables))));
        Assert.Equal(13, expected.Count(e => !Valid(e)));

        for (var round = 0; round < 3; round++)
        {
            var actual = await Task.WhenAll(requests.Select(variables => Task.Run(async () => Describe(await known.ValidateAsync(Options(variables))))));
            Assert.Equal(expected, actual);
        }

        static bool Valid(string described) => JsonDocument.Parse(described).RootElement.GetProperty("IsValid").GetBoolean();
    }

    /// <summary>Everything execution reads from a validation result, as text.</summary>
    private static string Describe(IValidationResult result) => JsonSerializer.Serialize(new
    {
        result.IsValid,
        Errors = result.Errors.Select(e => new { e.Message, e.Code, Locations = e.Locations?.Select(l => $"{l.Line}:{l.Column}") }),
        Variables = (result.Variables ?? Variables.None).Select(v => new { v.Name, Value = Text(v.Value), v.IsDefault, v.ValueSpecified }),
        Arguments = result.ArgumentValues?.Select(a => new { Field = At(a.Key), Values = Values(a.Value) }).OrderBy(a => a.Field),
        Directives = result.DirectiveValues?.Select(d => new
        {
            Node = At(d.Key),
            Values = d.Value.OrderBy(v => v.Key).Select(v => new { v.Key, Arguments = Values(v.Value.Arguments) }),
        }).OrderBy(d => d.Node),
    });

    private static string At(ASTNode node) => $"{node.Kind}@{node.Location.Start}";

    private static IEnumerable<string> Values(IDictionary<string, ArgumentValue> values) =>
        values.OrderBy(v => v.Key).Select(v => $"{v.Key}={Text(v.Value.Value)} ({v.Value.Source})");

    private static string Text(object? value) => JsonSerializer.Serialize(value);

    public void Dispose() => app.Dispose();
}
