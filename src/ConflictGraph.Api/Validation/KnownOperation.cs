using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace ConflictGraph.Api.Validation;

/// <summary>
/// One operation of a document that passed every validation rule once: what GraphQL.NET's
/// validator would still do for it at each request, without walking the operation again.
/// That is coercing the request's variables and parsing the arguments and directives, both
/// with GraphQL.NET's own code, so every error a request can meet reads as before.
/// </summary>
public sealed class KnownOperation
{
    private static readonly GraphQLSelectionSet NoSelections = new([]);

    /// <summary>
    /// The operation that variable coercion sees. GraphQL.NET walks it for the places a variable
    /// is used, and reads them only to make a nullable variable non-null where it feeds a non-null
    /// argument (which validation allows when a default stands behind it). Where no variable is
    /// used that way this is the operation's definitions without its selections, so the walk has
    /// nothing to visit and coercion reads the same.
    /// </summary>
    private readonly GraphQLOperationDefinition variablesView;

    private readonly ArgumentSteps arguments;

    private readonly ISchema schema;
    private readonly GraphQLDocument document;

    /// <summary>
    /// Contexts that have coerced variables before, each used by one request at a time. GraphQL.NET finds where the
    /// variables are used (a walk of <see cref="variablesView"/> with type information) at every coercion, and keeps
    /// what it found only in the context, per operation: the same for every request, since it reads the document and
    /// the schema alone. A context taken from here finds it kept; a context made anew walks once. At most
    /// <see cref="IdleContexts"/> wait here; more requests at once each make their own.
    /// </summary>
    private readonly ValidationContext?[] idle = new ValidationContext?[IdleContexts];

    private const int IdleContexts = 8;

    public KnownOperation(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        this.schema = schema;
        this.document = document;
        arguments = ArgumentSteps.Of(schema, document, operation);
        variablesView = operation.Variables is not { Count: > 0 } variables || NullableUsedAsNonNull(schema, document, operation, variables)
            ? operation
            : new GraphQLOperationDefinition(NoSelections) { Operation = operation.Operation, Name = operation.Name, Variables = variables, Location = operation.Location };
    }

    private static bool NullableUsedAsNonNull(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation, GraphQLVariablesDefinition variables)
    {
        var usages = new ValidationContext { Schema = schema, Document = document, Operation = operation }.GetRecursiveVariables(operation) ?? [];
        return variables.Items.Any(definition => definition.Type is not GraphQLNonNullType
            && usages.Any(usage => usage.Node.Name == definition.Variable.Name && usage.Type is NonNullGraphType));
    }

    /// <summary>The request's variables coerced and its arguments and directives parsed, or the errors GraphQL.NET's validator gives for them.</summary>
    public async Task<IValidationResult> ValidateAsync(ValidationOptions options)
    {
        var context = Take();
        context.Variables = options.Variables;
        context.Extensions = options.Extensions;
        context.UserContext = options.UserContext;
        context.RequestServices = options.RequestServices;
        context.User = options.User;
        context.Metrics = options.Metrics;
        context.CancellationToken = options.CancellationToken;
        Variables variables;
        List<ValidationError>? variableErrors;
        try
        {
            (variables, variableErrors) = await context.GetVariablesValuesAsync();
        }
        finally
        {
            Return(context);
        }
        if (variableErrors is { Count: > 0 }) return new ValidationResult(variableErrors) { Variables = variables };

        Dictionary<GraphQLField, IDictionary<string, ArgumentValue>>? argumentValues = null;
        Dictionary<ASTNode, IDictionary<string, DirectiveInfo>>? directiveValues = null;
        List<ValidationError>? errors = null;
        foreach (var step in arguments.Steps)
        {
            try
            {
                if (step.Definition is { } definition)
                {
                    var field = (GraphQLField)step.Node;
                    if (ExecutionHelper.GetArguments(definition.Arguments, field.Arguments, variables, options.Document, field, null) is { } values)
                        (argumentValues ??= []).Add(field, values);
                }
                else if (ExecutionHelper.GetDirectives((IHasDirectivesNode)step.Node, variables, options.Schema, options.Document) is { } directives)
                {
                    (directiveValues ??= []).Add(step.Node, directives);
                }
            }
            catch (ValidationError error)
            {
                (errors ??= []).Add(error);
            }
        }
        return new ValidationResult(errors ?? [])
        {
            Variables = variables,
            ArgumentValues = argumentValues,
            DirectiveValues = directiveValues,
        };
    }

    /// <summary>An idle context of this operation, or a new one (whose first coercion walks the operation once).</summary>
    private ValidationContext Take()
    {
        for (var i = 0; i < idle.Length; i++)
            if (Interlocked.Exchange(ref idle[i], null) is { } context) return context;
        return new ValidationContext { Schema = schema, Document = document, Operation = variablesView };
    }

    /// <summary>Forgets the request (its variables, services and user) and puts the context back, if a place is free.</summary>
    private void Return(ValidationContext context)
    {
        context.Variables = null!;
        context.Extensions = null!;
        context.UserContext = null!;
        context.RequestServices = null;
        context.User = null;
        context.Metrics = null!;
        context.CancellationToken = default;
        for (var i = 0; i < idle.Length; i++)
            if (Interlocked.CompareExchange(ref idle[i], context, null) is null) return;
    }
}
