using System.Globalization;

namespace ConflictGraph.Core.Store;

/// <summary>
/// The most relations a query level's read may find before the answer it feeds could no longer fit in the list items
/// the query may still hold. Each relation a level finds at a node it was asked for is at least one item of that node's
/// list (one found at both its ends, or shown by two fields, is more), so a level that finds more relations than the
/// items left answers more than is allowed, and the store stops reading there with <see cref="RowCapExceededException"/>
/// instead of reading the rest. A field that shows one node at the end of such relations (an event's place, a place's
/// parent) reads them too, and they count the same way. Nodes read by id and pages are not relations and do not count.
/// </summary>
public readonly record struct RowCap(int Rows)
{
    /// <summary>No cap: every relation is read (exports, writes' checks, subscriptions).</summary>
    public static readonly RowCap None = new(int.MaxValue);

    /// <summary>The cap of a level read while the answer may still hold <paramref name="itemsLeft"/> list items.</summary>
    public static RowCap ForItems(long itemsLeft) => new((int)Math.Clamp(itemsLeft, 0, int.MaxValue - 1));

    /// <summary>True when the read is bounded.</summary>
    public bool Bounds => Rows < int.MaxValue;

    /// <summary>
    /// How many relations a statement reads to tell whether the cap was passed: one past it (so a read that finds
    /// exactly the cap answers whole).
    /// </summary>
    public int ReadUpTo => Bounds ? Rows + 1 : int.MaxValue;

    /// <summary>What is left of the cap once a read has found <paramref name="found"/> relations (a level of several statements).</summary>
    public RowCap After(int found) => Bounds ? new RowCap(Math.Max(Rows - found, 0)) : this;

    /// <summary>Throws <see cref="RowCapExceededException"/> when <paramref name="found"/> relations are more than the cap.</summary>
    public void Check(long found)
    {
        if (found > Rows) throw new RowCapExceededException(this);
    }
}

/// <summary>A read found more relations than its <see cref="RowCap"/> allows and stopped reading; nothing it read is returned.</summary>
public sealed class RowCapExceededException(RowCap cap)
    : Exception(string.Create(CultureInfo.InvariantCulture, $"the read found more than {cap.Rows:N0} relations, the most its answer could hold"))
{
    public RowCap Cap { get; } = cap;
}
