using ConflictGraph.Api.Schema;
using ConflictGraph.Core.Model;
using GraphQLParser;
using GraphQLParser.AST;

namespace ConflictGraph.Api.Tests.Loading;

/// <summary>Which selections of nodes a key answers (id and __typename), and which need the body.</summary>
public sealed class NodeKeysTests
{
    [Theory]
    [InlineData("{ nodes { id } }", true)]
    [InlineData("{ nodes { id __typename } }", true)]
    [InlineData("{ nodes { key: id kind: __typename } }", true)]
    [InlineData("{ nodes { id text } }", false)]
    [InlineData("{ nodes { id speaker { id } } }", false)]
    [InlineData("{ nodes { id ... on Statement { id } } }", false)]
    [InlineData("{ nodes { ...Ids } } fragment Ids on Statement { id }", false)]
    [InlineData("query($x: Boolean!) { nodes { id text @include(if: $x) } }", false)]
    public void OnlyIdAndTypeNameAreAnsweredByAKey(string document, bool keysOnly)
    {
        var operation = Parser.Parse(document).Definitions.OfType<GraphQLOperationDefinition>().Single();
        var nodes = (GraphQLField)operation.SelectionSet.Selections[0];

        Assert.Equal(keysOnly, NodeKeys.AsksKeysOnly(nodes.SelectionSet));
    }

    [Fact]
    public void ANodeTypeTakesAKeyOfItsKindAndNoOther()
    {
        var isStatement = NodeKeys.IsOfKind(NodeKind.Statement);

        Assert.True(isStatement(new NodeKey("statement:s", NodeKind.Statement)));
        Assert.False(isStatement(new NodeKey("event:e", NodeKind.Event)));
        Assert.True(isStatement(new Statement("statement:s", "Words.", Stance.Asserts, null, null, null, null, null, [], null, [])));
        Assert.False(isStatement("statement:s"));
    }
}
