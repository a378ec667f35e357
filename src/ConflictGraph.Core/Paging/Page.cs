namespace ConflictGraph.Core.Paging;

/// <summary>
/// Forward cursor paging: at most <see cref="First"/> items after the cursor <see cref="After"/>.
/// <see cref="CountTotal"/> false says the caller never reads the total (a list field, or a
/// connection whose totalCount was not selected), so a store may skip counting. <see cref="KeysOnly"/> true says
/// the caller reads nothing of a page's nodes but their ids and kinds (a connection whose nodes select only
/// <c>id</c> and <c>__typename</c>), so a store of nodes returns each as a <see cref="Model.NodeKey"/> without reading
/// its body; pages of anything else than nodes ignore it. <see cref="Listed"/> true says every item of the page is an item
/// of a list the answer shows (an event's statements): a level reads such pages up to its <see cref="Store.RowCap"/>.
/// </summary>
public sealed record PageRequest(int First, string? After = null, bool CountTotal = true, bool KeysOnly = false, bool Listed = false)
{
    public static PageRequest All => new(int.MaxValue);

    /// <summary>True when the total must be read: asked for, or the only thing a page of nothing can tell.</summary>
    public bool ReadsTotal => CountTotal || First <= 0;
}

public sealed record PageItem<T>(T Item, string Cursor);

/// <summary>
/// One page of an ordered result, with the size of the whole result; the size is null when the
/// request did not ask for it (<see cref="PageRequest.CountTotal"/>).
/// </summary>
public sealed record Page<T>(IReadOnlyList<PageItem<T>> Items, int? TotalCount, bool HasNextPage, bool HasPreviousPage)
{
    public static readonly Page<T> Empty = new([], 0, false, false);

    /// <summary>
    /// The answer to a request for no items (<see cref="PageRequest.First"/> ≤ 0): the total, a next page
    /// when there is anything at all from the start, and a previous one when a cursor was given.
    /// </summary>
    public static Page<T> Nothing(PageRequest page, int? total) => new([], total, total > 0 && page.After is null, page.After is not null);

    public string? StartCursor => Items.Count > 0 ? Items[0].Cursor : null;
    public string? EndCursor => Items.Count > 0 ? Items[^1].Cursor : null;
}
