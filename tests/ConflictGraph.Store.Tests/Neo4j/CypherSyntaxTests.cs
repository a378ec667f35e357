using ConflictGraph.Neo4j.Cypher;
using ConflictGraph.Store.Tests.Neo4j.Lint;

namespace ConflictGraph.Store.Tests.Neo4j;

/// <summary>
/// No Neo4j runs here, so every statement the store can send is checked by Neo4j's own Cypher
/// parser and semantic analysis, against the store's layout (labels, types, properties, which kinds
/// each type joins), and for anchoring: every pattern names its labels and relationship types.
/// </summary>
public sealed class CypherSyntaxTests(Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>
    /// The store's statements against the current layout; the layout check and the migration's
    /// statements (which name the old :REL type and kind property) against both layouts.
    /// </summary>
    private static readonly Lazy<Task<(int Statements, IReadOnlyList<LintProblem> Problems)>> Linted = new(async () =>
    {
        var store = await StoreStatements.SentAsync();
        var migrating = (await StoreStatements.MigrationAsync()).Append(Statements.LayoutCheck).Distinct().ToList();
        var current = await CypherLinter.LintAsync(store.Except(migrating).ToList(), LayoutSchema.Current);
        var legacy = await CypherLinter.LintAsync(migrating, LayoutSchema.WithLegacy);
        Assert.Equal(store.Union(migrating).Count(), current.Checked + legacy.Checked);
        return (current.Checked + legacy.Checked, [.. current.Problems, .. legacy.Problems]);
    });

    private async Task<IReadOnlyList<LintProblem>> ProblemsAsync(string check)
    {
        CypherLinter.SkipWhenMissing();
        var (linted, problems) = await Linted.Value;
        output.WriteLine($"linted {linted} distinct statements; {check} problems: {problems.Count(p => p.Check == check)}");
        return problems.Where(p => p.Check == check).ToList();
    }

    [Fact]
    public void TheCorpusStandInFailsOnAStatementItHasNoAnswerForNamingIt()
    {
        const string changed = "MATCH (n:Node {id: $id}) RETURN n.renamed AS renamed";

        var error = Assert.Throws<InvalidOperationException>(() => StoreStatements.Answer(System.Text.Json.JsonSerializer.Serialize(new { statement = changed })));

        Assert.Contains(changed, error.Message);
        // A statement it knows as answered with no rows still is, and so is a request with no statement (a commit).
        Assert.Equal(StoreStatements.Answer(System.Text.Json.JsonSerializer.Serialize(new { statement = Statements.WriteHistory })), StoreStatements.Answer("{}"));
    }

    private static string Describe(IEnumerable<LintProblem> problems) => string.Join("\n", problems.Select(p => $"{p.Message} in: {p.Statement}"));

    [SkippableFact]
    public async Task EveryStatementTheStoreSendsIsValidCypher()
    {
        var problems = await ProblemsAsync("cypher");
        Assert.True((await StoreStatements.SentAsync()).Count >= 60, $"only {(await StoreStatements.SentAsync()).Count} distinct statements were exercised");
        Assert.True(problems.Count == 0, Describe(problems));
    }

    [SkippableFact]
    public async Task EveryStatementUsesOnlyTheLayoutsLabelsTypesPropertiesAndPaths()
    {
        var problems = await ProblemsAsync("layout");
        Assert.True(problems.Count == 0, Describe(problems));
    }

    [SkippableFact]
    public async Task EveryPatternNamesItsLabelsAndRelationshipTypes()
    {
        var problems = await ProblemsAsync("structure");
        Assert.True(problems.Count == 0, Describe(problems));
    }

    [SkippableFact]
    public async Task TheLinterCatchesBrokenCypherLayoutMistakesAndUnanchoredPatterns()
    {
        // The checks above prove something only if the linter refuses what they are meant to refuse.
        CypherLinter.SkipWhenMissing();
        var (_, problems) = await CypherLinter.LintAsync(
        [
            "UNWIND $ids AS id MATCH (n:Node {id: id} RETURN n",
            "MATCH (n:Node) RETURN m",
            "MATCH (n) RETURN n.id AS id",
            "MATCH (a:Node)-->(b:Node) RETURN a.id AS id",
            "MATCH (e:Event)-[:MEMBER_OF]->(o:Organization) RETURN e.id AS id",
            "MATCH (n:Statment) RETURN n.id AS id",
            "UNWIND $ids AS id MATCH (n:Node {id: id}) RETURN n.body AS body",
        ], LayoutSchema.Current);
        string[] Flagged(string check) => problems.Where(p => p.Check == check).Select(p => p.Statement).Distinct().Order().ToArray();
        Assert.Equal(["MATCH (n:Node) RETURN m", "UNWIND $ids AS id MATCH (n:Node {id: id} RETURN n"], Flagged("cypher"));
        Assert.Equal(["MATCH (e:Event)-[:MEMBER_OF]->(o:Organization) RETURN e.id AS id", "MATCH (n:Statment) RETURN n.id AS id"], Flagged("layout"));
        Assert.Equal(["MATCH (a:Node)-->(b:Node) RETURN a.id AS id", "MATCH (n) RETURN n.id AS id"], Flagged("structure"));
    }
}
