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
    [InlineData("query($x: Boolean!) { nodes { id text @include(if: $x) } }", false)]
    [InlineData("{ nodes { id ... on Statement { id } } }", true)]
    [InlineData("{ nodes { ... on Node { id __typename } } }", true)]
    [InlineData("{ nodes { ... { id } } }", true)]
    [InlineData("query($x: Boolean!) { nodes { ... on Statement @include(if: $x) { id } } }", true)]
    [InlineData("{ nodes { ...Ids } } fragment Ids on Statement { id }", true)]
    [InlineData("{ nodes { ...Outer } } fragment Outer on Node { ...Inner __typename } fragment Inner on Statement { ... on Node { id } }", true)]
    [InlineData("{ nodes { ...Ids ...Ids } } fragment Ids on Node { id }", true)]
    [InlineData("{ nodes { id ... on Statement { id text } } }", false)]
    [InlineData("{ nodes { ... on Event { id } } }", false)]
    [InlineData("{ nodes { ... on Actor { id } } }", false)]
    [InlineData("{ nodes { ...Ids } } fragment Ids on Statement { id text }", false)]
    [InlineData("{ nodes { ...Ids } } fragment Ids on Event { id }", false)]
    [InlineData("{ nodes { ...Outer } } fragment Outer on Node { ...Inner } fragment Inner on Statement { speaker { id } }", false)]
    [InlineData("{ nodes { ...Missing } }", false)]
    public void OnlyIdAndTypeNameAreAnsweredByAKeyAlsoThroughFragmentsOnTheListsTypeOrNode(string document, bool keysOnly)
    {
        var parsed = Parser.Parse(document);
        var operation = parsed.Definitions.OfType<GraphQLOperationDefinition>().Single();
        var nodes = (GraphQLField)operation.SelectionSet.Selections[0];

        Assert.Equal(keysOnly, NodeKeys.AsksKeysOnly(nodes.SelectionSet, "Statement", parsed));
    }

    [Fact]
    public void AFragmentOnTheListsOwnInterfaceIsAnsweredByAKey()
    {
        var parsed = Parser.Parse("{ nodes { ... on Actor { id } } }");
        var nodes = (GraphQLField)parsed.Definitions.OfType<GraphQLOperationDefinition>().Single().SelectionSet.Selections[0];

        Assert.True(NodeKeys.AsksKeysOnly(nodes.SelectionSet, "Actor", parsed));
        Assert.False(NodeKeys.AsksKeysOnly(nodes.SelectionSet, "Node", parsed));
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
