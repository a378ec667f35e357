using ConflictGraph.Neo4j.Cypher;

namespace ConflictGraph.Store.Tests.Neo4j;

/// <summary>
/// The change log's page statements as built, without a server: each entry reads one 'after', the next entry's 'before'
/// when a later entry exists and the target as stored now when none does. Not run against a live Neo4j here.
/// </summary>
public sealed class HistoryCypherTests
{
    public static TheoryData<string> PageStatements => new()
    {
        Statements.HistoryPage(false), Statements.HistoryPage(true), Statements.HistoryCountedPage(false), Statements.HistoryCountedPage(true),
        Statements.HistoryOfTargets,
    };

    [Theory]
    [MemberData(nameof(PageStatements))]
    public void AnEntryReadsTheStoredTargetOnlyWhenNoLaterEntryExistsAndTheNextBeforeOnlyWhenOneDoes(string statement)
    {
        const string exists = "EXISTS {";
        const string nextBefore = "CASE WHEN hasNext THEN head(COLLECT {";
        const string stored = "CASE WHEN hasNext THEN null ELSE CASE h.target ";
        var returned = statement.IndexOf(" RETURN h.seq AS seq", StringComparison.Ordinal);
        Assert.True(returned > 0, statement);
        var (before, tail) = (statement[..returned], statement[returned..]);

        // The later entry's existence is tested once, in a WITH before the RETURN, and the RETURN reads it by name.
        Assert.Contains($"WITH h, {exists} MATCH (n:History {{targetId: h.targetId}}) WHERE n.seq > h.seq }} AS hasNext", before);
        Assert.DoesNotContain(exists, tail);
        var next = tail.IndexOf(nextBefore, StringComparison.Ordinal);
        var target = tail.IndexOf(stored, StringComparison.Ordinal);
        Assert.True(next > 0 && target > next, tail);
        // Every subquery the RETURN runs sits in its branch: the first in the next entry's, the rest in the stored target's.
        var subqueries = Occurrences(tail, "COLLECT {").ToList();
        Assert.Equal(next + nextBefore.Length - "COLLECT {".Length, subqueries[0]);
        // (The stored target's branches hold one subquery each for a node and a fact, and one for a relation's types with
        // more inside for its claims.)
        Assert.True(subqueries.Count >= 4, tail);
        Assert.All(subqueries.Skip(1), s => Assert.True(s > target + stored.Length, tail));
    }

    private static IEnumerable<int> Occurrences(string text, string part)
    {
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal)) yield return at;
    }
}
