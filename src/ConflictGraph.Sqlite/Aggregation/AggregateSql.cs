using System.Text;
using ConflictGraph.Core.Aggregation;
using ConflictGraph.Core.Codings;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Sqlite.Reading;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Aggregation;

/// <summary>
/// The two statements of an aggregate (its groups, its total), each grouping the roll-up rows in SQL:
/// <list type="bullet">
/// <item>a selection without a selective criterion (only kinds and dates) reads event_cube when no
/// dimension is a node, else the roll-up rows of the first node dimension, in key order; the event
/// filter's own conditions apply to them, since they carry its columns;</item>
/// <item>a selective one (place, perpetrator, target, words) first finds its events with the event
/// filter (CTE matched), then reads their roll-up rows by key.</item>
/// </list>
/// Killed estimates follow <see cref="SharedDeaths"/>: beside each group's tally of all its events, the
/// statement tallies the events it leaves out (with figures, in the group, under an enclosing event
/// of the same group that has figures, found by walking PART_OF up from the few parts with figures);
/// the core takes the difference.
/// </summary>
internal sealed class AggregateSql(EventAggregateQuery query, SqlFilter filter, bool driven)
{
    private const string Measures = "events, imprecise, disputed, counted, with_best, open_ended, killed_low, killed_best, killed_high";

    private readonly IReadOnlyList<EventDimension> dimensions = query.GroupBy;

    public string Groups()
    {
        var nodes = dimensions.Where(GroupKeys.IsNode).ToList();
        var rows = !driven && nodes.Count == 0 ? CubeRows()
            : !driven ? Rows(Dim(nodes[0]), filter.Where, dimensions)
            : Rows("", "n.seq IN (SELECT seq FROM matched)", dimensions);
        var keys = Enumerable.Range(0, dimensions.Count).Select(i => $"g{i}").ToList();
        string Order(string alias) => string.Concat(keys.Select(k => $", {alias}.{k}"));
        var labels = dimensions.Select((d, i) => GroupKeys.IsNode(d) ? $"(SELECT label FROM nodes WHERE id = p.g{i})" : "NULL");
        var measures = string.Join(", ", Columns().Select(c => $"p.{c}"));
        return $"{With(rows, dimensions)} SELECT {string.Join(", ", keys.Select(k => $"p.{k}").Concat(labels))}, {measures} FROM (" +
               $"SELECT {string.Join(", ", keys.Select(k => $"t.{k}"))}, {Selected()} FROM totals t LEFT JOIN fixes f ON " +
               $"{string.Join(" AND ", keys.Select(k => $"f.{k} IS t.{k}"))} ORDER BY t.events DESC{Order("t")} LIMIT $first) p ORDER BY p.events DESC{Order("p")}";
    }

    public string Total()
    {
        var rows = driven ? Rows("", "n.seq IN (SELECT seq FROM matched)", []) : CubeRows([]);
        return $"{With(rows, [])} SELECT {Selected()} FROM totals t CROSS JOIN fixes f";
    }

    /// <summary>The measures every statement returns after its keys: the group's, then its fixes' tally (f_...).</summary>
    private static IEnumerable<string> Columns() => Measures.Split(", ").Concat(Measures.Split(", ").Skip(3).Select(m => $"f_{m}"));

    private static string Selected() => string.Join(", ",
        Measures.Split(", ").Select(m => $"t.{m}").Concat(Measures.Split(", ").Skip(3).Select(m => $"coalesce(f.{m}, 0) AS f_{m}")));

    public void Bind(SqliteCommand command)
    {
        filter.Bind(command);
        command.Parameters.AddWithValue("$level", EnumNames.Of(query.PlaceLevel));
        command.Parameters.AddWithValue("$first", query.First);
    }

    /// <summary>The CTEs: the filter's, the matched events, the places of the level, the rows, their totals and the SharedDeaths fixes.</summary>
    private string With(string rows, IReadOnlyList<EventDimension> keys)
    {
        var ctes = new List<string>();
        if (driven)
        {
            ctes.AddRange(filter.Definitions);
            ctes.Add($"matched(seq) AS MATERIALIZED (SELECT n.seq FROM nodes n WHERE {filter.Where})");
        }
        if (keys.Contains(EventDimension.Place))
        {
            ctes.Add("areas(place, area, depth) AS (SELECT n.id, n.id, 0 FROM nodes n WHERE n.kind = 'PLACE' AND n.sub_kind = $level " +
                     "UNION SELECT r.from_id, areas.area, areas.depth + 1 FROM areas CROSS JOIN relations r ON r.to_id = areas.place AND r.type = 'LOCATED_IN' " +
                     $"WHERE areas.depth < {TraversalLimits.MaxContainmentDepth})");
            ctes.Add("place_areas(place, area) AS MATERIALIZED (SELECT DISTINCT place, area FROM areas)");
        }
        var member = driven ? "n.seq IN (SELECT seq FROM matched)" : filter.Where;
        var keyNames = Enumerable.Range(0, keys.Count).Select(i => $"g{i}").ToList();
        var sameKeys = string.Concat(keyNames.Select(k => $" AND a.{k} IS c.{k}"));
        ctes.Add($"grouped_rows AS ({rows})");
        ctes.Add($"totals AS ({Aggregate("grouped_rows", keyNames)})");
        ctes.Add($"parts(seq) AS (SELECT n.seq FROM event_rollup n WHERE n.dim = '' AND n.part_of = 1 AND n.counted = 1 AND {member})");
        ctes.Add("up(child, id, depth) AS (SELECT p.seq, c.id, 0 FROM parts p CROSS JOIN nodes c ON c.seq = p.seq " +
                 "UNION SELECT up.child, r.to_id, up.depth + 1 FROM up CROSS JOIN relations r ON r.from_id = up.id AND +r.type = 'PART_OF' " +
                 $"WHERE up.depth < {TraversalLimits.MaxPartOfDepth})");
        ctes.Add("elders(child, seq) AS (SELECT DISTINCT up.child, a.seq FROM up CROSS JOIN nodes a ON a.id = up.id WHERE up.depth > 0)");
        ctes.Add($"child_rows AS MATERIALIZED ({Rows("", "n.seq IN (SELECT seq FROM parts)", keys)})");
        ctes.Add($"elder_rows AS MATERIALIZED ({Rows("", $"n.counted = 1 AND n.seq IN (SELECT seq FROM elders) AND {member}", keys)})");
        ctes.Add("left_out AS (SELECT c.* FROM child_rows c WHERE EXISTS " +
                 $"(SELECT 1 FROM elders e CROSS JOIN elder_rows a ON a.seq = e.seq WHERE e.child = c.seq{sameKeys}))");
        ctes.Add($"fixes AS ({Aggregate("left_out", keyNames)})");
        return $"WITH RECURSIVE {string.Join(", ", ctes)}";
    }

    private string Aggregate(string rows, IReadOnlyList<string> keys)
    {
        var grouped = keys.Count == 0 ? "" : $"{string.Join(", ", keys)}, ";
        var groupBy = keys.Count == 0 ? "" : $" GROUP BY {string.Join(", ", keys)}";
        string Sum(string column) => $"coalesce(sum(x.{column}), 0) AS {column}";
        return $"SELECT {grouped}{Sum("events")}, coalesce(sum(CASE WHEN {BucketSql.Imprecise(query.Bucket, "x")} THEN x.events ELSE 0 END), 0) AS imprecise, " +
               $"{string.Join(", ", Measures.Split(", ").Skip(2).Select(Sum))} FROM {rows} x{groupBy}";
    }

    /// <summary>Groups of the cube's cells: only time, kind and ACLED type can be keys here.</summary>
    private string CubeRows(IReadOnlyList<EventDimension>? keys = null)
    {
        var columns = (keys ?? dimensions).Select((d, i) => $"{Scalar(d, "n")} AS g{i}");
        return $"SELECT {string.Concat(columns.Select(c => c + ", "))}n.date_start, n.date_end, {Measures.Replace("imprecise, ", "")} FROM event_cube n WHERE {filter.Where}";
    }

    /// <summary>
    /// One row per event and group it is in, from the roll-up rows of <paramref name="mainDim"/> that
    /// meet <paramref name="restriction"/> (alias n); other node dimensions join the event's rows of theirs.
    /// </summary>
    private string Rows(string mainDim, string restriction, IReadOnlyList<EventDimension> keys)
    {
        var joins = new StringBuilder();
        var conditions = new List<string> { $"n.dim = '{mainDim}'", restriction };
        var columns = new List<string>();
        for (var i = 0; i < keys.Count; i++)
        {
            var dimension = keys[i];
            if (!GroupKeys.IsNode(dimension))
            {
                columns.Add($"{Scalar(dimension, "n")} AS g{i}");
                continue;
            }
            var alias = Dim(dimension) == mainDim ? "n" : $"k{i}";
            if (alias != "n") joins.Append($" CROSS JOIN event_rollup {alias} ON {alias}.seq = n.seq AND {alias}.dim = '{Dim(dimension)}'");
            if (dimension != EventDimension.Place)
            {
                columns.Add($"{alias}.key AS g{i}");
                continue;
            }
            // A place outside every place of the level counts in the '' group only when none of the event's places is inside one.
            joins.Append($" LEFT JOIN place_areas a{i} ON a{i}.place = {alias}.key");
            columns.Add($"coalesce(a{i}.area, '') AS g{i}");
            conditions.Add($"(a{i}.area IS NOT NULL OR NOT EXISTS (SELECT 1 FROM event_rollup o CROSS JOIN place_areas oa ON oa.place = o.key " +
                           "WHERE o.seq = n.seq AND o.dim = 'PLACE'))");
        }
        var distinct = keys.Contains(EventDimension.Place) ? "DISTINCT " : "";
        return $"SELECT {distinct}n.seq, {string.Concat(columns.Select(c => c + ", "))}n.date_start, n.date_end, 1 AS events, " +
               $"n.disputed, n.counted, n.with_best, n.open_ended, n.killed_low, n.killed_best, n.killed_high FROM event_rollup n{joins} " +
               $"WHERE {string.Join(" AND ", conditions)}";
    }

    /// <summary>A key computed from the row's own columns: its time bucket, its kind, or its kind's ACLED event type.</summary>
    private string Scalar(EventDimension dimension, string alias) => dimension switch
    {
        EventDimension.Time => BucketSql.Key(query.Bucket, alias),
        EventDimension.Kind => $"{alias}.sub_kind",
        EventDimension.AcledEventType =>
            $"coalesce((SELECT c.code FROM codings c WHERE c.subject = '{CodingRow.EventSubject}' AND c.value = {alias}.sub_kind " +
            $"AND c.scheme = '{CodingTable.AcledEventType}'), '')",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "a node dimension has no scalar key"),
    };

    /// <summary>The roll-up's dim value for a node dimension: its contract name.</summary>
    public static string Dim(EventDimension dimension) => EnumNames.Of(dimension);
}
