using ConflictGraph.Api.Loading;
using ConflictGraph.Api.Schema;
using ConflictGraph.Core.Model;
using GraphQL;
using GraphQL.DataLoader;

namespace ConflictGraph.Api.Claims;

/// <summary>The statements of a relation's claims in one position (<c>claimedBy</c>, <c>disputedBy</c>), as a list field.</summary>
public static class ClaimLists
{
    private static readonly IDataLoaderResult<IReadOnlyList<Node>> None = GraphLoaders.Done<IReadOnlyList<Node>>([]);

    /// <summary>
    /// The statements taking <paramref name="position"/>, in claim order, read with the rest of the level
    /// (<see cref="GraphLoaders.ListedNodes"/>). A relation without such a claim, most of a page's, answers the empty list
    /// at once: no ids listed, nothing asked of the loaders.
    /// </summary>
    public static IDataLoaderResult<IReadOnlyList<Node>> Statements(IResolveFieldContext context, IReadOnlyList<Claim> claims, ClaimPosition position)
    {
        List<string>? ids = null;
        foreach (var claim in claims)
            if (claim.Position == position) (ids ??= []).Add(claim.StatementId);
        return ids is null ? None : context.Loaders().ListedNodes(ids);
    }
}
