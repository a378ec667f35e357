using System.Globalization;
using ConflictGraph.Core.Paging;

namespace ConflictGraph.Core.Store;

/// <summary>
/// The most rows a query level's read may find before the answer it feeds could no longer fit in the list items the
/// query may still hold; past it the store stops reading with <see cref="RowCapExceededException"/> instead of reading
/// the rest. What counts is what is sure to be an item of a list the answer shows:
/// <list type="bullet">
/// <item>each relation a level finds at a node it was asked for by a listed request (<see cref="ExpandRequest.Listed"/>):
/// at least one item of that node's list (one found at both its ends, or shown by two fields, is more). A field that shows
/// one node at the end of its relations (an event's place, a place's parent) or a rule that reads them (the claiming
/// parties' memberships) holds no list item: its relations do not count;</item>
/// <item>each item of a listed page (<see cref="PageRequest.Listed"/>, an event's statements): the level's listed pages
/// are read one after another, each up to what the ones before left of the cap (<see cref="Limit"/>);</item>
/// <item>each node asked for by id as an item of a list (a relation's claimedBy and disputedBy), counted before the read;</item>
/// <item>each link of an escalation chain (an event's escalation list holds them all).</item>
/// </list>
/// Nodes asked for by id for a single field, other pages (their <c>first</c> is priced) and claims do not count.
/// </summary>
public readonly record struct RowCap(int Rows)
{
    /// <summary>No cap: every row is read (exports, writes' checks, subscriptions).</summary>
    public static readonly RowCap None = new(int.MaxValue);

    /// <summary>The cap of a level read while the answer may still hold <paramref name="itemsLeft"/> list items.</summary>
    public static RowCap ForItems(long itemsLeft) => new((int)Math.Clamp(itemsLeft, 0, int.MaxValue - 1));

    /// <summary>True when the read is bounded.</summary>
    public bool Bounds => Rows < int.MaxValue;

    /// <summary>
    /// How many rows a statement reads to tell whether the cap was passed: one past it (so a read that finds
    /// exactly the cap answers whole).
    /// </summary>
    public int ReadUpTo => Bounds ? Rows + 1 : int.MaxValue;

    /// <summary>What is left of the cap once a read has found <paramref name="found"/> rows (a level of several statements).</summary>
    public RowCap After(int found) => Bounds ? new RowCap(Math.Max(Rows - found, 0)) : this;

    /// <summary>
    /// A listed page read under this cap: at most one item past it, so a page that holds more than the cap is seen to,
    /// and no more is read (<see cref="Check"/> its items after). Any other page as asked.
    /// </summary>
    public PageRequest Limit(PageRequest page) => page.Listed && Bounds && page.First > ReadUpTo ? page with { First = ReadUpTo } : page;

    /// <summary>
    /// What is left of the cap once a level's listed pages hold <paramref name="pages"/>' items; throws
    /// <see cref="RowCapExceededException"/> when they hold more than it.
    /// </summary>
    public RowCap AfterPages(IEnumerable<(PageRequest Request, int Items)> pages) =>
        AfterItems(pages.Where(p => p.Request.Listed).Sum(p => (long)p.Items));

    /// <summary>
    /// What is left of the cap once <paramref name="items"/> sure items are counted (a list's nodes asked for by id, before
    /// they are read); throws <see cref="RowCapExceededException"/> when they are more than it.
    /// </summary>
    public RowCap AfterItems(long items)
    {
        Check(items);
        return After((int)items);
    }

    /// <summary>Throws <see cref="RowCapExceededException"/> when <paramref name="found"/> rows are more than the cap.</summary>
    public void Check(long found)
    {
        if (found > Rows) throw new RowCapExceededException(this);
    }
}

/// <summary>A read found more rows than its <see cref="RowCap"/> allows and stopped reading; nothing it read is returned.</summary>
public sealed class RowCapExceededException(RowCap cap)
    : Exception(string.Create(CultureInfo.InvariantCulture, $"the read found more than {cap.Rows:N0} rows, the most its answer's lists could hold"))
{
    public RowCap Cap { get; } = cap;
}
