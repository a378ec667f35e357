using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>
/// How a filter's words meet another selective criterion (a place, a perpetrator, a speaker...), chosen by the two
/// sides' sizes, each read from its own index and counted only as far as the choice needs: the other criterion's
/// candidates (its driver, counted up to <see cref="MaxCandidates"/>) against the words' matches in the full-text index
/// (counted up to what checking each candidate would cost). Listing the matches once costs about
/// <c>1/<see cref="CheckCost"/></c> of checking one candidate against one of the index's terms, so each candidate is
/// checked against the words' terms when the matches are more than <see cref="CheckCost"/> times the candidates times
/// the terms, and the matches are listed once otherwise (<see cref="SqlFilter.Text"/>). Both ways give the same rows.
/// </summary>
internal static class WordChecks
{
    /// <summary>Most candidates checked one by one; a criterion with more lists the matches once.</summary>
    public const int MaxCandidates = 4_096;

    /// <summary>
    /// Checking a candidate against one exact term (FTS5's MATCH with the candidate's rowid) against listing one match
    /// into the list each candidate is looked up in: 17-18 us against 0.17-0.19 us at 1M events, measured on the service's
    /// SQLite (BENCHMARKS.md, "Words beside other filters by side sizes, session 24").
    /// </summary>
    public const int CheckCost = 96;

    /// <summary>Most index terms the words may expand to; more (a one-letter prefix) lists the matches once.</summary>
    public const int MaxTerms = 16;

    /// <summary>The vocabulary of the full-text table, one row per term instance, read term by term (fts5vocab).</summary>
    private const string Vocabulary = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_terms USING fts5vocab(main, search, 'instance')";

    private const string NextTerm = "SELECT term FROM temp.search_terms WHERE term >= $from LIMIT 1";

    /// <summary>True when <paramref name="query"/> has words that may be checked per candidate (the choice reads the file).</summary>
    public static bool Weighs(NodeQuery query) => SqlFilter.Match(query.Text) is not null && NodeFilters.For(query with { Text = null }).Driver is not null;

    /// <returns>
    /// An FTS5 query of the words' exact terms (each word's terms joined by OR, the words by AND) to check each of the other
    /// criterion's candidates against, or null when the matches are to be listed once: no other criterion, more candidates
    /// than <see cref="MaxCandidates"/>, a word whose terms the index cannot list exactly, or matches too few to be worth it.
    /// </returns>
    public static async Task<string?> ChooseAsync(
        SqliteConnection connection, SqliteTransaction? transaction, NodeQuery query, CancellationToken cancellationToken)
    {
        if (SqlFilter.Match(query.Text) is null) return null;
        var other = NodeFilters.For(query with { Text = null });
        if (other.Driver is null) return null;
        // The candidates, and an upper bound of any word's matches (every node has one row in the full-text table, by its
        // seq): when checking the candidates against one term would cost more than listing every node, nothing is read
        // of the index (at 10k events a country's events, whose matches are thousands).
        var (candidates, nodes) = await CandidatesAndNodesAsync(connection, transaction, other, cancellationToken);
        if (candidates > MaxCandidates || (long)candidates * CheckCost > nodes) return null;
        var words = new List<(string Word, IReadOnlyList<string> Terms)>();
        foreach (var word in SearchText.QueryTerms(query.Text))
        {
            if (!Plain(word)) return null;
            words.Add((word, await TermsAsync(connection, transaction, word, cancellationToken)));
        }
        var terms = words.Sum(w => Math.Max(1, w.Terms.Count));
        if (terms > MaxTerms) return null;
        var exact = string.Join(" AND ", words.Select(w => w.Terms switch
        {
            // A word no term begins with: no node holds it, and the exact word (absent from the index) says so.
            [] => Quoted(w.Word),
            [var one] => Quoted(one),
            var several => $"({string.Join(" OR ", several.Select(Quoted))})",
        }));
        var worth = (long)Math.Max(1, candidates) * terms * CheckCost;
        var count = new SqlFilter();
        var matches = await Reads.CountAsync(connection, transaction,
            $"SELECT count(*) FROM (SELECT 1 FROM search WHERE search MATCH {count.Value(exact)} LIMIT {count.Value(worth)})", count, cancellationToken);
        return matches >= worth ? exact : null;
    }

    private static async Task<(int Candidates, long Nodes)> CandidatesAndNodesAsync(
        SqliteConnection connection, SqliteTransaction? transaction, SqlFilter other, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            $"{other.With}SELECT (SELECT count(*) FROM (SELECT 1 FROM ({other.Driver}) LIMIT {MaxCandidates + 1})), (SELECT coalesce(max(seq), 0) FROM nodes)", transaction);
        other.Bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt32(0), reader.GetInt64(1));
    }

    /// <summary>
    /// Every term of the full-text index that begins with <paramref name="prefix"/>, in order: the terms a prefix query
    /// matches. Walked one term at a time (the first term at or after a bound, the next bound just past it), which reads an
    /// entry of each term, where the vocabulary's per-term counts would read every term's whole list.
    /// </summary>
    private static async Task<IReadOnlyList<string>> TermsAsync(SqliteConnection connection, SqliteTransaction? transaction, string prefix, CancellationToken cancellationToken)
    {
        await using (var create = connection.Command(Vocabulary, transaction)) await create.ExecuteNonQueryAsync(cancellationToken);
        var terms = new List<string>();
        var from = prefix;
        while (terms.Count <= MaxTerms)
        {
            await using var next = connection.Command(NextTerm, transaction);
            next.Parameters.AddWithValue("$from", from);
            if (await next.ExecuteScalarAsync(cancellationToken) is not string term || !term.StartsWith(prefix, StringComparison.Ordinal)) break;
            terms.Add(term);
            from = term + '\u0001';
        }
        return terms;
    }

    /// <summary>
    /// True for a word of ASCII letters and digits only, which the index's tokenizer (unicode61, diacritics removed) keeps
    /// as it is, so its terms are those that begin with it; any other word may be folded further by the tokenizer.
    /// </summary>
    private static bool Plain(string word) => word.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c));

    private static string Quoted(string term) => $"\"{term}\"";
}
