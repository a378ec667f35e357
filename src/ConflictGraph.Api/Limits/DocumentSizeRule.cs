using ConflictGraph.Api.Schema;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Limits;

/// <summary>Refuses documents with more aliases or fields than configured, before anything runs.</summary>
public sealed class DocumentSizeRule(IOptions<RequestLimits> limits) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (LimitsSetup.IsIntrospectionOnly(context.Operation)) return new((INodeVisitor?)null);
        var fields = 0;
        var aliases = 0;
        return new(new MatchingNodeVisitor<GraphQLField>((field, validation) =>
        {
            var max = limits.Value;
            if (++fields == max.MaxFields + 1)
                validation.ReportError(new ValidationError(validation.Document.Source, "QUERY_TOO_COMPLEX",
                    $"the document selects more than {max.MaxFields} fields", field) { Code = ApiErrors.QueryTooComplex });
            if (field.Alias is not null && ++aliases == max.MaxAliases + 1)
                validation.ReportError(new ValidationError(validation.Document.Source, "QUERY_TOO_COMPLEX",
                    $"the document uses more than {max.MaxAliases} aliases", field) { Code = ApiErrors.QueryTooComplex });
        }));
    }
}
