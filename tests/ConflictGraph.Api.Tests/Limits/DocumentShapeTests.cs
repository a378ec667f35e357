using ConflictGraph.Api.Limits;
using GraphQLParser;

namespace ConflictGraph.Api.Tests.Limits;

/// <summary>
/// How a refusal names an operation: by what the client sent. Only an operation that reads the schema is the
/// introspection operation; one of only <c>__typename</c> fields is held to the same limits but named by what it selects.
/// </summary>
public sealed class DocumentShapeTests
{
    private static OperationShape Shape(string document) =>
        Assert.Single(DocumentShape.Measure(Parser.Parse(document), CancellationToken.None));

    [Theory]
    [InlineData("{ __schema { queryType { name } } }", true, "the introspection operation")]
    [InlineData("{ __type(name: \"Event\") { name } __typename }", true, "the introspection operation")]
    [InlineData("{ a: __typename b: __typename }", true, "the operation, which selects only __typename,")]
    [InlineData("{ __typename }", true, "the operation, which selects only __typename,")]
    [InlineData("{ stats { nodes } __typename }", false, "the operation")]
    [InlineData("{ ... on Query { __typename } }", false, "the operation")]
    public void AnOperationIsNamedByWhatItSelects(string document, bool introspectionLimits, string described)
    {
        var shape = Shape(document);

        Assert.Equal(introspectionLimits, shape.IntrospectionOnly);
        Assert.Equal(described, shape.Described);
    }
}
