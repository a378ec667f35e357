using GraphQL;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;

namespace ConflictGraph.Api.Validation;

/// <summary>
/// Where an operation's argument and directive values come from, in the order GraphQL.NET's
/// validator parses them: a field with arguments and its definition, or a node with directives.
/// Found once per operation by walking it with the schema's types; at each request only these
/// nodes are parsed, with that request's variables.
/// </summary>
public sealed record ArgumentSteps(IReadOnlyList<ArgumentSteps.Step> Steps)
{
    /// <summary>A field whose arguments to parse (<see cref="Definition"/> set), or a node whose directives to parse.</summary>
    public sealed record Step(ASTNode Node, FieldType? Definition);

    /// <summary>
    /// The nodes GraphQL.NET's argument parser visits for the selected operation: fields with
    /// arguments whose definition it finds, and every node with directives. It follows each
    /// fragment once, types inline fragments and fragments by their condition, and keeps the
    /// enclosing type under an abstract one, as that parser does.
    /// </summary>
    public static ArgumentSteps Of(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        var steps = new List<Step>();
        var fragments = new HashSet<GraphQLParser.ROM>();
        Directives(operation);
        IComplexGraphType? root = operation.Operation switch
        {
            OperationType.Query => schema.Query,
            OperationType.Mutation => schema.Mutation,
            OperationType.Subscription => schema.Subscription,
            _ => null,
        };
        if (root is not null)
        {
            foreach (var variable in operation.Variables?.Items ?? []) Directives(variable);
            Selections(operation.SelectionSet, root);
        }
        return new ArgumentSteps(steps);

        void Directives(ASTNode node)
        {
            if (node is IHasDirectivesNode { Directives.Count: > 0 }) steps.Add(new Step(node, null));
        }

        void Selections(GraphQLSelectionSet? set, IComplexGraphType? type)
        {
            foreach (var selection in set?.Selections ?? [])
            {
                Directives(selection);
                switch (selection)
                {
                    case GraphQLField field: Field(field, type); break;
                    case GraphQLInlineFragment inline: Typed(inline.TypeCondition, inline.SelectionSet, type); break;
                    case GraphQLFragmentSpread spread when fragments.Add(spread.FragmentName.Name.Value):
                        if (document.FindFragmentDefinition(spread.FragmentName.Name.Value) is { } definition)
                        {
                            Directives(definition);
                            Typed(definition.TypeCondition, definition.SelectionSet, type);
                        }
                        break;
                }
            }
        }

        void Field(GraphQLField field, IComplexGraphType? type)
        {
            var name = field.Name.Value;
            var definition = name == schema.TypeMetaFieldType.Name ? schema.TypeMetaFieldType
                : name == schema.TypeNameMetaFieldType.Name ? schema.TypeNameMetaFieldType
                : name == schema.SchemaMetaFieldType.Name ? schema.SchemaMetaFieldType
                : type?.Fields.Find(name);
            if (definition is null) return;
            if (field.Arguments?.Count > 0) steps.Add(new Step(field, definition));
            switch (definition.ResolvedType?.GetNamedType())
            {
                case IComplexGraphType complex: Selections(field.SelectionSet, complex); break;
                case UnionGraphType: Selections(field.SelectionSet, type); break;
            }
        }

        void Typed(GraphQLTypeCondition? condition, GraphQLSelectionSet set, IComplexGraphType? type)
        {
            if (condition is null)
            {
                Selections(set, type);
                return;
            }
            switch (schema.AllTypes[condition.Type.Name.Value]?.GetNamedType())
            {
                case IComplexGraphType complex: Selections(set, complex); break;
                case IAbstractGraphType: Selections(set, type); break;
            }
        }
    }
}
