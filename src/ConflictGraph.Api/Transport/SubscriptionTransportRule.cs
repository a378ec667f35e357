using ConflictGraph.Api.Schema;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace ConflictGraph.Api.Transport;

/// <summary>A subscription sent over HTTP cannot stream: it is refused with an error that says where to send it.</summary>
public sealed class SubscriptionTransportRule : ValidationRuleBase
{
    /// <summary>Whether a document holds a subscription, the only operation this rule can refuse.</summary>
    public static bool Concerns(GraphQLDocument document) =>
        document.Definitions.OfType<GraphQLOperationDefinition>().Any(operation => operation.Operation == OperationType.Subscription);

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(context.Operation.Operation == OperationType.Subscription && context.UserContext is not GraphRequestContext { OverWebSocket: true }
            ? new MatchingNodeVisitor<GraphQLOperationDefinition>((operation, validation) => validation.ReportError(new ValidationError(
                validation.Document.Source, "SUBSCRIPTION_NEEDS_WEBSOCKET",
                "subscriptions stream over WebSocket only: connect to /graphql with the graphql-transport-ws protocol", operation)
                { Code = ApiErrors.BadUserInput }))
            : null);
}
