using ConflictGraph.Api.Caching;
using ConflictGraph.Api.Tests.Infrastructure;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictGraph.Api.Tests.Performance;

/// <summary>A cached document skips the cost check on later runs only when no variable can change its cost.</summary>
public sealed class CostInputsTests
{
    [Theory]
    [InlineData("query($id: ID!) { node(id: $id) { id } }", false)]
    [InlineData("{ events(first: 5) { nodes { id } } }", false)]
    [InlineData("query($n: Int!) { events(first: $n) { nodes { id } } }", true)]
    [InlineData("query($n: Int) { actors(filter: { text: \"x\" }, first: 3) { nodes { id ... F } } } fragment F on Organization { carriedOut(first: $n) { nodes { id } } }", true)]
    [InlineData("query($all: Boolean!) { stats { nodes byKind @include(if: $all) { kind count } } }", true)]
    [InlineData("query A { stats { nodes } } query B { stats { relations } }", true)]
    [InlineData("query($d: Int!) { paths(fromId: \"a\", toId: \"b\", maxDepth: $d) { length } }", true)]
    [InlineData("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", true)]
    [InlineData("query($a: ID!) { nodes(ids: [$a, \"b\"]) { id } }", false)]
    public async Task OnlyTheVariablesThePriceIsReadFromOrSeveralOperationsMakeTheCostVary(string query, bool varies) =>
        Assert.Equal(varies, await CostInputs.VaryWithVariablesAsync(GraphQLParser.Parser.Parse(query)));

    [Fact]
    public void NoListFieldTakesAnIdArgument()
    {
        // The cost analyzer treats a list field with an `id` argument as one item; CostInputs relies on there being none.
        using var app = new ConflictGraphApp();
        var schema = app.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var listsWithArguments = schema.AllTypes.OfType<IComplexGraphType>()
            .SelectMany(type => type.Fields.Select(field => (type, field)))
            .Where(p => p.field.ResolvedType is { } type && IsList(type) && p.field.Arguments?.Count > 0).ToList();
        Assert.Contains(listsWithArguments, p => $"{p.type.Name}.{p.field.Name}" == "Query.nodes");
        Assert.Empty(listsWithArguments.Where(p => p.field.Arguments!.Any(a => a.Name == "id")).Select(p => $"{p.type.Name}.{p.field.Name}"));
    }

    private static bool IsList(IGraphType type) => type is ListGraphType || type is NonNullGraphType { ResolvedType: ListGraphType };
}
