using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Store.Tests.Sqlite.Plans;

/// <summary>
/// Reads a statement's EXPLAIN QUERY PLAN and says, deny by default, where its cost would grow
/// with the graph rather than with its answer:
/// <list type="bullet">
/// <item>a SCAN of anything but the statement's own CTEs and subqueries, json_each (the keys it
/// was given), or a
/// full-text table searched with MATCH (a full scan of a table, or of one of its indexes);</item>
/// <item>an AUTOMATIC index on a table (SQLite reads the whole table to build it);</item>
/// <item>an index searched by its columns and a rowid taken from a list subquery (<c>n.seq IN (SELECT rowid FROM search
/// ...)</c> beside <c>n.id = ?</c>): every value of the list is looked up for every row, where the list should be
/// built once and each row looked up in it;</item>
/// <item>a SEARCH whose index range is keyed only by a low-cardinality column (a kind, a type, a
/// status...), which reads a whole kind.</item>
/// </list>
/// Where the operation lists whole kinds (no criterion in it names a few rows), reading a kind is
/// its answer: a kind's range, or a walk along an index in the page's order, is allowed there as
/// long as the statement stops at a LIMIT and never sorts the whole range (a temporary B-tree for
/// ORDER BY beside it).
/// </summary>
public static partial class QueryPlan
{
    /// <summary>Columns whose every value covers a large share of the rows.</summary>
    private static readonly HashSet<string> Broad = ["kind", "sub_kind", "type", "field", "status", "disputes", "property"];

    private static readonly string[] Checked = ["SELECT", "WITH", "INSERT", "UPDATE", "DELETE", "REPLACE"];

    public sealed record Row(int Id, int Parent, string Detail);

    /// <summary>True for statements EXPLAIN QUERY PLAN describes (not PRAGMA, BEGIN, DDL, ANALYZE).</summary>
    public static bool IsQuery(string sql) => Checked.Any(k => sql.StartsWith(k, StringComparison.OrdinalIgnoreCase));

    public static IReadOnlyList<Row> Explain(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        using var reader = command.ExecuteReader();
        var rows = new List<Row>();
        while (reader.Read()) rows.Add(new Row(reader.GetInt32(0), reader.GetInt32(1), reader.GetString(3)));
        return rows;
    }

    /// <summary>The opcodes of the statement's program (EXPLAIN), in order: the tables it opens, sorts and seeks.</summary>
    /// <param name="parameters">Values for the statement's parameters, which EXPLAIN needs bound though it runs nothing.</param>
    public static IReadOnlyList<string> Opcodes(SqliteConnection connection, string sql, IEnumerable<(string Name, object Value)>? parameters = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN " + sql;
        foreach (var (name, value) in parameters ?? []) command.Parameters.AddWithValue(name, value);
        using var reader = command.ExecuteReader();
        var opcodes = new List<string>();
        while (reader.Read()) opcodes.Add(reader.GetString(1));
        return opcodes;
    }

    /// <param name="listing">The operation lists whole kinds (no selective criterion), so reading a kind's range is its answer.</param>
    public static IEnumerable<string> Problems(string sql, IReadOnlyList<Row> plan, bool listing)
    {
        var own = Ctes(sql).Concat(plan.Select(r => Subquery().Match(r.Detail)).Where(m => m.Success).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        own.UnionWith(["json_each", "json_tree"]);
        // An alias counts as the statement's own only when every table it names in the text is.
        foreach (var alias in Aliases().Matches(sql).Where(m => m.Groups[2].Success).GroupBy(m => m.Groups[2].Value, StringComparer.OrdinalIgnoreCase))
            if (alias.All(m => own.Contains(m.Groups[1].Value))) own.Add(alias.Key);
        foreach (var row in plan)
        {
            if (Scan().Match(row.Detail) is { Success: true } scan && !AllowedScan(scan.Groups[1].Value, row.Detail, own)
                && !(listing && IsPageWalk(sql, plan, row)))
                yield return $"full scan: {row.Detail}";
            if (row.Detail.Contains("AUTOMATIC", StringComparison.Ordinal) && Target().Match(row.Detail) is { Success: true } auto
                && !own.Contains(auto.Groups[1].Value))
                yield return $"automatic index (reads the whole table to build it): {row.Detail}";
            if (ListAsKey().IsMatch(row.Detail) && plan.Any(r => r.Parent == row.Parent && r.Detail.StartsWith("LIST SUBQUERY", StringComparison.Ordinal)))
                yield return $"a list tried as a key for every row (each of its values looked up again per row): {row.Detail}";
            if (Search().Match(row.Detail) is { Success: true } search && IsBroad(search.Groups[2].Value))
            {
                if (!listing) yield return $"reads a whole kind: {row.Detail}";
                else if (SortedBeside(plan, row)) yield return $"sorts a whole kind for one page: {row.Detail}";
            }
        }
    }

    /// <summary>A listing's walk along an index in the page's order, which stops at the page's LIMIT.</summary>
    private static bool IsPageWalk(string sql, IReadOnlyList<Row> plan, Row row) =>
        row.Detail.Contains(" USING ", StringComparison.Ordinal) && sql.Contains(" LIMIT ", StringComparison.Ordinal) && !SortedBeside(plan, row);

    private static bool SortedBeside(IReadOnlyList<Row> plan, Row row) =>
        plan.Any(r => r.Parent == row.Parent && r.Detail == "USE TEMP B-TREE FOR ORDER BY");

    private static bool AllowedScan(string name, string detail, HashSet<string> own)
    {
        if (name == "CONSTANT" || own.Contains(name) || name.StartsWith('(')) return true;
        if (!detail.Contains("VIRTUAL TABLE INDEX", StringComparison.Ordinal)) return false;
        // A full-text table searched by MATCH (M) or by rowid (=) reads only what it finds.
        var index = detail[(detail.LastIndexOf(':') + 1)..];
        return index.Contains('M') || index.Contains('=');
    }

    /// <summary>True when every column of the index range is broad (a kind, a type...), so the range is a whole kind.</summary>
    private static bool IsBroad(string constraints)
    {
        var columns = constraints.Split(" AND ").Select(c => Column().Match(c).Groups[1].Value).ToList();
        return columns.Count > 0 && columns.All(Broad.Contains);
    }

    private static IEnumerable<string> Ctes(string sql) => Cte().Matches(sql).Select(m => m.Groups[1].Value);

    /// <summary>An index searched by its own columns and then the row's rowid: the rowid comes from a list (x IN (SELECT ...)), walked whole for each row.</summary>
    [GeneratedRegex(@"^SEARCH \S+ USING (?:COVERING )?INDEX \S+ \(.+ AND rowid=\?\)$")]
    private static partial Regex ListAsKey();

    [GeneratedRegex(@"^SCAN (\S+)")]
    private static partial Regex Scan();

    [GeneratedRegex(@"^SEARCH (\S+) USING .*?\((.*)\)$")]
    private static partial Regex Search();

    [GeneratedRegex(@"^(?:SEARCH|SCAN) (\S+)")]
    private static partial Regex Target();

    [GeneratedRegex(@"^(?:CO-ROUTINE|MATERIALIZE) (\S+)")]
    private static partial Regex Subquery();

    [GeneratedRegex(@"\b(?:FROM|JOIN)\s+(\w+)(?:\((?:'[^']*'|[^()'])*\))?(?:\s+(?:AS\s+)?(?!(?:ON|WHERE|CROSS|JOIN|INDEXED|LEFT|INNER|ORDER|GROUP|LIMIT|UNION)\b)(\w+))?", RegexOptions.IgnoreCase)]
    private static partial Regex Aliases();

    [GeneratedRegex(@"^([a-z_]+)")]
    private static partial Regex Column();

    [GeneratedRegex(@"(?:\bWITH(?: RECURSIVE)?|,)\s*(\w+)\s*(?:\([^()]*\))?\s+AS\s+(?:NOT\s+)?(?:MATERIALIZED\s+)?\(", RegexOptions.IgnoreCase)]
    private static partial Regex Cte();
}
