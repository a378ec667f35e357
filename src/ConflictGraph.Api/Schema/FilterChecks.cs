using ConflictGraph.Api.Loading;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;
using GraphQL.DataLoader;

namespace ConflictGraph.Api.Schema;

/// <summary>An id a list's filter names: the filter's field, and the kinds of node it takes (any kind when none are given).</summary>
public sealed record FilterId(string Field, string? Id, params NodeKind[] Kinds);

/// <summary>
/// A filtered list that comes back empty says "nothing matches" only when the filter could match something: an id that
/// names no node, or a node of a kind the field does not take, is an error naming the field and the id, and so is a date
/// window that ends before it starts. The ids are read only when the filter matched nothing (no item, no count, no page
/// before), so a list with an answer costs nothing more.
/// </summary>
public static class FilterChecks
{
    private static readonly NodeKind[] Actors = [NodeKind.Person, NodeKind.Organization];

    /// <summary>An actor's id (a person or an organization).</summary>
    public static FilterId Actor(string field, string? id) => new(field, id, Actors);

    /// <summary>A place's id.</summary>
    public static FilterId Place(string field, string? id) => new(field, id, NodeKind.Place);

    /// <summary>An id of any node.</summary>
    public static FilterId AnyNode(string field, string? id) => new(field, id);

    /// <summary>BAD_USER_INPUT when <paramref name="from"/> is after <paramref name="to"/>.</summary>
    public static void Window(DateOnly? from, DateOnly? to)
    {
        if (from is { } start && to is { } end && start > end)
            throw ApiErrors.BadInput($"filter.from {start:yyyy-MM-dd} is after filter.to {end:yyyy-MM-dd}: no date lies in that window");
    }

    /// <summary>The page, once the filter's ids are known to name nodes of the right kinds when it is empty.</summary>
    public static IDataLoaderResult<Page<T>> Checked<T>(this IDataLoaderResult<Page<T>> page, GraphLoaders loaders, params FilterId[] ids) =>
        page.ThenLoad(found => Matched(found) || Named(ids).Count == 0
            ? GraphLoaders.Done(found)
            : loaders.Nodes(Named(ids).Select(i => i.Id!)).Then(nodes =>
            {
                Check(nodes, ids);
                return found;
            }));

    /// <summary>The page read by <paramref name="read"/>, checked as <see cref="Checked{T}"/> checks a loaded one.</summary>
    public static async Task<Page<T>> CheckedAsync<T>(Task<Page<T>> read, IGraphStore store, CancellationToken cancellationToken, params FilterId[] ids)
    {
        var page = await read;
        if (!Matched(page)) await CheckAsync(store, cancellationToken, ids);
        return page;
    }

    /// <summary>An error naming each of <paramref name="ids"/> that names no node or one of a kind its field does not take.</summary>
    public static async Task CheckAsync(IGraphStore store, CancellationToken cancellationToken, params FilterId[] ids)
    {
        if (Named(ids).Count == 0) return;
        Check(await store.GetNodesAsync(Named(ids).Select(i => i.Id!).Distinct().ToList(), cancellationToken), ids);
    }

    /// <summary>The filter matched something: the page holds items, counts some, or follows a page that held them.</summary>
    private static bool Matched<T>(Page<T> page) => page.Items.Count > 0 || page.TotalCount > 0 || page.HasPreviousPage;

    private static List<FilterId> Named(FilterId[] ids) => ids.Where(i => i.Id is not null).ToList();

    private static void Check(IReadOnlyList<Node> nodes, FilterId[] ids)
    {
        var known = nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var missing = new List<string>();
        var misplaced = new List<string>();
        foreach (var id in Named(ids))
        {
            if (!known.TryGetValue(id.Id!, out var node)) missing.Add($"filter.{id.Field}: no node has the id '{id.Id}'");
            else if (id.Kinds.Length > 0 && !id.Kinds.Contains(node.Kind))
                misplaced.Add($"filter.{id.Field}: '{id.Id}' is {Article(node.Kind)}, and {id.Field} takes {string.Join(" or ", id.Kinds.Select(EnumNames.Of))}");
        }
        if (misplaced.Count > 0) throw ApiErrors.BadInput(string.Join("; ", misplaced.Concat(missing)));
        if (missing.Count > 0) throw ApiErrors.Error(ApiErrors.NotFound, string.Join("; ", missing));
    }

    private static string Article(NodeKind kind) => $"{(kind is NodeKind.Event or NodeKind.Organization ? "an" : "a")} {EnumNames.Of(kind)}";
}
