using ConflictGraph.Api.Paging;
using ConflictGraph.Api.Schema;
using ConflictGraph.Core.Model;
using GraphQL;
using GraphQL.Types;

namespace ConflictGraph.Api.Search;

public static class SearchQuery
{
    public static void AddSearchQuery(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SearchHitGraphType>>>>("search")
            .Description("Full-text search over names, aliases, titles, descriptions and statement text; best first: first the persons, organizations and places whose name or an alias holds every word (nameMatch), ranked by relevance over their names; then every other hit, ranked by relevance over its whole text; ties by id. Forgiving of case, diacritics and punctuation ('Kataib Hezbollah' finds \"Kata'ib Hezbollah\").")
            .Argument<NonNullGraphType<StringGraphType>>("text")
            .Argument<ListGraphType<NonNullGraphType<EnumerationGraphType<NodeKind>>>>("kinds")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 10)
            .ResolveAsync(async c => await c.Loaders().Store.SearchAsync(
                c.GetArgument<string>("text"), c.ListArgument<NodeKind>("kinds"), c.First(10), c.CancellationToken));
}
