using ConflictGraph.Core.Rules;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>
/// A WHERE clause built from optional criteria: each criterion adds a condition and its named
/// parameters, never a value into the text. A selective criterion also names its candidates (the
/// ids of every row that can match, read through an index): the first one registered drives the
/// statement, so its cost follows the answer rather than the table. Containment criteria add
/// recursive CTEs.
/// </summary>
internal sealed class SqlFilter
{
    private readonly List<string> conditions = [];
    private readonly List<string> ctes = [];
    private readonly List<Action<SqliteCommand>> binders = [];
    private int driverIndex = -1;
    private int kindsIndex = -1;
    private int next;

    /// <summary>Every condition.</summary>
    public string Where => Join(conditions);

    /// <summary>The conditions a row reached through <see cref="Driver"/> must still meet (all but the driver's own, when its candidates are exact).</summary>
    public string Remaining => Join(conditions.Where((_, i) => i != driverIndex));

    /// <summary>The conditions beyond the driver's own and the kinds' (those that need the node's row), or null when there are none.</summary>
    public string? BeyondKinds
    {
        get
        {
            var beyond = conditions.Where((_, i) => i != driverIndex && i != kindsIndex).ToList();
            return beyond.Count == 0 ? null : Join(beyond);
        }
    }

    /// <summary>The one kind the rows must be of, or null when there are several (or none was set).</summary>
    public string? SingleKind { get; private set; }

    /// <summary>
    /// The driver as ranges of node_refs (every node naming a target in a field, in date order),
    /// when the driving criterion is one (null otherwise); its candidates are exact.
    /// </summary>
    public IReadOnlyList<RefRange>? Ranges { get; private set; }

    private KeptCount? kept;

    /// <summary>
    /// A statement returning the number of matching rows from a count the store keeps (one row read): when the
    /// driving criterion has one, of the one kind asked for, and no other condition remains; otherwise null.
    /// </summary>
    public string? KeptTotal => KeptSql is { } count ? With + count : null;

    /// <summary><see cref="KeptTotal"/> without the filter's CTEs, for a statement that reads it beside others; null as it is.</summary>
    public string? KeptSql => BeyondKinds is null && kept is { } count && SingleKind == count.Kind ? count.Sql : null;

    /// <summary>A statement selecting column id of at least every row that can match, or null when no criterion is selective.</summary>
    public string? Driver { get; private set; }

    /// <summary>
    /// True when <see cref="Driver"/> also selects column date_start, each candidate's own start date
    /// (kept beside it in an index), and column seq, its node's seq, and names each candidate once, so a page in date
    /// order can be chosen, and the candidates counted, as they come, before any node's row is read, and a row of the
    /// page read by seq.
    /// </summary>
    public bool DriverDated { get; private set; }

    /// <summary>
    /// When <see cref="DriverDated"/>: the same candidates, each with its node's body (column body) in place of its seq, read
    /// from rows the store keeps in the page's order beside them (PlaceEventBodies), or null when it keeps none for the
    /// criterion. A dated page of these candidates alone reads no node row.
    /// </summary>
    public string? DriverBodies { get; private set; }

    public string With => ctes.Count == 0 ? "" : $"WITH RECURSIVE {string.Join(", ", ctes)} ";

    /// <summary><see cref="With"/> with one more table of the statement's own after the filter's.</summary>
    public string WithAlso(string cte) => $"WITH RECURSIVE {string.Join(", ", ctes.Append(cte))} ";

    /// <summary>The CTE definitions behind <see cref="With"/>, for a statement that adds its own.</summary>
    public IReadOnlyList<string> Definitions => ctes;

    /// <summary>A fresh parameter name bound to <paramref name="value"/>.</summary>
    public string Value(object? value)
    {
        var name = $"$p{next++}";
        binders.Add(c => c.Parameters.AddWithValue(name, value ?? DBNull.Value));
        return name;
    }

    /// <summary>A fresh parameter holding a list, usable as <c>x IN {list}</c>.</summary>
    public string List(IEnumerable<string> values) => Ids.In(ListParameter(values));

    /// <summary>A fresh parameter holding a list as JSON, read with <c>json_each</c>.</summary>
    public string ListParameter(IEnumerable<string> values)
    {
        var name = $"$p{next++}";
        var items = values.ToList();
        binders.Add(c => Ids.Add(c, name, items));
        return name;
    }

    public void Add(string condition) => conditions.Add(condition);

    /// <summary>
    /// The conditions <paramref name="add"/> registers, joined, left out of <see cref="Where"/>: a second rule of the same
    /// builder over the same rows (another window, say), whose parameters this filter binds. Only plain conditions: a
    /// selective criterion would take the driver.
    /// </summary>
    public string Apart(Action<SqlFilter> add)
    {
        var (start, driver) = (conditions.Count, Driver);
        add(this);
        if (Driver != driver) throw new InvalidOperationException("a selective criterion cannot stand apart from the filter");
        var added = conditions.GetRange(start, conditions.Count - start);
        conditions.RemoveRange(start, added.Count);
        return Join(added);
    }

    /// <summary>Rows of one of <paramref name="kinds"/> (alias n).</summary>
    public void Kinds(IReadOnlyList<string> kinds)
    {
        conditions.Add($"n.kind IN {List(kinds)}");
        kindsIndex = conditions.Count - 1;
        SingleKind = kinds.Count == 1 ? kinds[0] : null;
    }

    /// <summary>
    /// A selective criterion met by the nodes naming a target in a field: <paramref name="ranges"/>
    /// say which targets and fields, <paramref name="candidates"/> select exactly those nodes' ids.
    /// </summary>
    /// <param name="kept">The number of those nodes of one kind, from a count the store keeps, if it keeps one.</param>
    public void Add(string condition, string candidates, IReadOnlyList<RefRange> ranges, KeptCount? kept = null)
    {
        var driving = Driver is null;
        Add(condition, candidates);
        if (!driving) return;
        Ranges = ranges;
        this.kept = kept;
    }

    /// <summary>
    /// A selective criterion: <paramref name="condition"/> checks one row (through an index on that
    /// row's key); <paramref name="candidates"/> selects column id of every row that can meet it,
    /// and of no other when <paramref name="exact"/>. The first one added drives the statement.
    /// </summary>
    /// <param name="dated">The candidates also select columns date_start and seq, the row's own, and name each row once (see <see cref="DriverDated"/>).</param>
    /// <param name="kept">The number of the candidates of one kind, from a count the store keeps, if it keeps one (exact candidates only).</param>
    /// <param name="bodies">The dated candidates with their nodes' bodies (see <see cref="DriverBodies"/>), if the store keeps them.</param>
    public void Add(string condition, string candidates, bool exact = true, bool dated = false, KeptCount? kept = null, string? bodies = null)
    {
        conditions.Add(condition);
        if (Driver is not null) return;
        Driver = candidates;
        DriverDated = dated;
        DriverBodies = dated ? bodies : null;
        if (exact) driverIndex = conditions.Count - 1;
        if (exact) this.kept = kept;
    }

    /// <summary>A CTE named like the result holding <paramref name="placeId"/> and every place inside it (columns id, depth).</summary>
    public string PlaceAndInside(string placeId)
    {
        var name = $"inside{ctes.Count}";
        var root = Value(placeId);
        ctes.Add($"{name}(id, depth) AS (SELECT {root}, 0 UNION SELECT r.from_id, {name}.depth + 1 FROM {name} " +
                 $"CROSS JOIN {Traversal.IncomingTable("r")} ON {Traversal.Incoming("r", $"{name}.id", "('LOCATED_IN')")} WHERE {name}.depth < {TraversalLimits.MaxContainmentDepth})");
        return name;
    }

    /// <summary>An FTS5 query matching every folded word of <paramref name="text"/> as a prefix; null when it has no words.</summary>
    public static string? Match(string? text)
    {
        var terms = SearchText.QueryTerms(text);
        return terms.Count == 0 ? null : string.Join(' ', terms.Select(t => $"\"{t.Replace("\"", "\"\"")}\"*"));
    }

    /// <summary>
    /// Nodes (alias n) whose search text matches every word; selective, so it can drive. Beside a criterion registered
    /// before it (a place, a perpetrator, a speaker...), it is that driver's candidates' check, in one of two ways that
    /// find the same rows, chosen by the two sides' sizes (<see cref="WordChecks"/>): with <paramref name="exact"/> (the
    /// words' exact terms), each candidate is looked up in the full-text index by its rowid, which costs the candidates;
    /// without, the matches are listed once and each candidate looked up in the list, which costs the matches (about
    /// 0.4 s for "attack" at 1M events). The unary plus keeps SQLite from taking the list as a key of the nodes index
    /// instead, which it does for a page read by id (INDEXED BY): every match tried against every candidate, 30 s at 1M
    /// events for a country's events and "attack" (1.47M matches), against 0.7 s with the list made once.
    /// </summary>
    /// <param name="exact">An FTS5 query of the words' exact terms, to check each candidate against; null to list the matches.</param>
    public void Text(string? text, string? exact = null)
    {
        if (Match(text) is not { } match) return;
        if (exact is not null && Driver is not null)
        {
            conditions.Add($"EXISTS (SELECT 1 FROM search WHERE search MATCH {Value(exact)} AND rowid = n.seq)");
            return;
        }
        var parameter = Value(match);
        Add($"+n.seq IN (SELECT rowid FROM search WHERE search MATCH {parameter})",
            $"SELECT t.id FROM search CROSS JOIN nodes t ON t.seq = search.rowid WHERE search MATCH {parameter}");
    }

    /// <summary>How many parameters the filter binds so far (see <see cref="BindersSince"/>).</summary>
    public int Bound => binders.Count;

    /// <summary>The parameters bound since <see cref="Bound"/> was <paramref name="start"/>, to be bound again by <see cref="Replay"/>.</summary>
    public Action<SqliteCommand>[] BindersSince(int start) => binders.GetRange(start, binders.Count - start).ToArray();

    /// <summary>
    /// Binds again parameters that text kept from an earlier filter of the same shape named (<see cref="BindersSince"/>):
    /// constants that text binds, under the names the text uses, which are the ones this filter would give next.
    /// </summary>
    public void Replay(IReadOnlyList<Action<SqliteCommand>> kept)
    {
        binders.AddRange(kept);
        next += kept.Count;
    }

    public void Bind(SqliteCommand command)
    {
        foreach (var bind in binders) bind(command);
    }

    private static string Join(IEnumerable<string> parts)
    {
        var list = parts.ToList();
        return list.Count == 0 ? "1" : string.Join(" AND ", list);
    }
}

/// <summary>The number of a criterion's nodes of <paramref name="Kind"/>, read by <paramref name="Sql"/> from a count the store keeps.</summary>
internal sealed record KeptCount(string Kind, string Sql);

/// <summary>
/// The nodes naming a target in one field, read from node_refs (alias x):
/// <paramref name="Target"/> completes <c>x.target_id</c>, as <c>= $p</c> or <c>IN (SELECT ...)</c>.
/// </summary>
internal sealed record RefRange(string Target, string Field)
{
    /// <summary>True when the range names one target, so no node is found twice in it.</summary>
    public bool OneTarget => Target.StartsWith('=');
}
