using ConflictGraph.Api.Paging;
using ConflictGraph.Api.Schema;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using GraphQL;
using GraphQL.Types;

namespace ConflictGraph.Api.Statements;

public static class StatementQueries
{
    public static void AddStatementQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<StatementConnectionType>>("statements").Description("Statements, oldest first.")
            .Argument<StatementFilterInput>("filter").Paged()
            .Resolve(c =>
            {
                var filter = c.GetArgument<StatementFilter>("filter") ?? new();
                return c.Loaders().Page(filter.ToQuery(), c.Page()).Checked(c.Loaders(), filter.Ids());
            });
        query.Field<NonNullGraphType<SourceConnectionType>>("sources").Description("Sources, by id.").Paged()
            .Resolve(c => c.Loaders().Page(new NodeQuery { Kinds = [NodeKind.Source] }, c.Page()));
    }
}
