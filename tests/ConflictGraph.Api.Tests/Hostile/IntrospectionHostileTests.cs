using ConflictGraph.Api.Tests.Infrastructure;
using ConflictGraph.Api.Tests.Transport;
using Xunit.Abstractions;

namespace ConflictGraph.Api.Tests.Hostile;

/// <summary>
/// Issue 10, item 6: introspection-only operations are held to depth, alias, field and cost
/// limits too, sized for what the standard introspection query needs.
/// </summary>
public sealed class IntrospectionHostileTests(ConflictGraphApp app, ITestOutputHelper output) : IClassFixture<ConflictGraphApp>
{
    [Fact]
    public async Task TheStandardIntrospectionQueryStillAnswers()
    {
        var outcome = await HostileRequest.PostAsync(app, output, "the standard introspection query", Introspection.Query);

        Assert.Empty(outcome.Errors);
        Assert.NotEmpty(outcome.Json!["data"]!["__schema"]!["types"]!.AsArray());
    }

    [Theory]
    [InlineData(6, 4)]
    [InlineData(8, 5)]
    public async Task NestedIntrospectionFragmentsAreRefused(int levels, int fanOut)
    {
        var document = HostileDocuments.FragmentFanOut(levels, fanOut, typeCondition: "__Schema", leaf: "types { name fields { name } }", root: "")
            .Replace("query { ...F0 }", "query { __schema { ...F0 } }");

        var outcome = await HostileRequest.PostAsync(app, output, $"introspection fragments {levels} levels x {fanOut}", document);

        Assert.Equal(["QUERY_TOO_COMPLEX"], outcome.Codes);
        Assert.InRange(outcome.Body.Length, 1, 4096);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    public async Task FieldsNestedInsideTypesOfFieldsAreTooCostly(int levels)
    {
        var selection = "name";
        for (var level = 0; level < levels; level++) selection = $"fields {{ name type {{ {selection} }} }}";
        var outcome = await HostileRequest.PostAsync(app, output, $"__schema types with fields nested {levels} times",
            $"{{ __schema {{ types {{ {selection} }} }} }}");

        Assert.Equal(["QUERY_TOO_COMPLEX"], outcome.Codes);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(300)]
    public async Task ManyAliasedSchemaSelectionsAreRefused(int count)
    {
        var outcome = await HostileRequest.PostAsync(app, output, $"{count} aliased __schema selections",
            HostileDocuments.Aliased(count, "__schema { types { name fields { name args { name } } } }"));

        Assert.Equal(["QUERY_TOO_COMPLEX"], outcome.Codes);
    }

    [Fact]
    public async Task AnIntrospectionQueryDeeperThanTheStandardOneIsRefused()
    {
        var selection = "name";
        for (var level = 0; level < 25; level++) selection = $"ofType {{ {selection} }}";
        var outcome = await HostileRequest.PostAsync(app, output, "__type with 25 levels of ofType", $"{{ __type(name: \"Event\") {{ {selection} }} }}");

        Assert.Equal(["QUERY_TOO_COMPLEX"], outcome.Codes);
        Assert.Contains("introspection", outcome.FirstMessage);
    }
}
