using ConflictGraph.Core.Model;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ConflictGraph.Api.Schema;

/// <summary>
/// The one home of the rule for what a node's key answers without its body: <c>id</c>, and <c>__typename</c> (the
/// type follows from the kind). A selection of nothing else is read as keys (<see cref="NodeKey"/>, from an index);
/// any other field needs the body, and so does a fragment, whose fields are not looked into. Every node type
/// answers id and its type from either.
/// </summary>
public static class NodeKeys
{
    /// <summary>True when a selection of nodes asks for nothing but id and __typename.</summary>
    public static bool AsksKeysOnly(GraphQLSelectionSet? nodes) =>
        nodes is null || nodes.Selections.All(s => s is GraphQLField { SelectionSet: null } field && (field.Name.Value == "id" || field.Name.Value == "__typename"));

    /// <summary>
    /// True when a connection's nodes, under <c>nodes</c> or as each edge's <c>node</c>, ask for nothing but their keys
    /// (also when no node is selected: a connection of totalCount or pageInfo alone).
    /// </summary>
    public static bool PageAsksKeysOnly(IResolveFieldContext connection) =>
        connection.SubFields is not { } selected || selected.Values.All(field => field.FieldType.Name switch
        {
            "nodes" => AsksKeysOnly(field.Field.SelectionSet),
            "edges" => field.Field.SelectionSet is not { } edge || edge.Selections.All(s => s is GraphQLField e &&
                (e.Name.Value != "node" || AsksKeysOnly(e.SelectionSet))),
            _ => true,
        });

    /// <summary>Whether a value is a node of <paramref name="kind"/>, read whole or as its key: a node type's IsTypeOf.</summary>
    public static Func<object, bool> IsOfKind(NodeKind kind) => value => value is Node node && node.Kind == kind;

    /// <summary>A node type's id field, resolved from a whole node or its key alike.</summary>
    public static FieldBuilder<TNode, object> IdField<TNode>(this ObjectGraphType<TNode> type) where TNode : Node =>
        type.Field<NonNullGraphType<IdGraphType>>("id").Resolve(IdResolver.Instance);

    /// <summary>Reads the id of the source as a <see cref="Node"/>, never as the type's own record (a key is not one).</summary>
    private sealed class IdResolver : IFieldResolver
    {
        public static readonly IdResolver Instance = new();

        public ValueTask<object?> ResolveAsync(IResolveFieldContext context) => new(((Node)context.Source!).Id);
    }
}
