using System.Globalization;
using System.Text;
using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Rules;

/// <summary>A search or text filter the stores refuse to run: too many words, or too long a word.</summary>
public sealed class SearchTextTooLongException(string message) : ArgumentException(message);

/// <summary>
/// The one folding of text for search, used on what is indexed and on what is asked, so that
/// "Kataib Hezbollah" finds "Kata'ib Hezbollah" and "cafe" finds "Café".
/// </summary>
public static class SearchText
{
    /// <summary>
    /// Lower case, no diacritics, apostrophes removed, other punctuation as spaces, single spaces. A paragraph
    /// reference (the seed's "(¶15)") is a citation, not a word: its number is dropped, so a search for "F-15" does
    /// not find every statement that rests on paragraph 15.
    /// </summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var space = true;
        var citation = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark || IsApostrophe(c)) continue;
            if (c == ParagraphSign) citation = true;
            else if (citation && char.IsDigit(c)) continue;
            else citation = false;
            if (char.IsLetterOrDigit(c))
            {
                folded.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (!space)
            {
                folded.Append(' ');
                space = true;
            }
        }
        return folded.ToString().TrimEnd();
    }

    /// <summary>Everything search should find a node by (names, aliases, titles, descriptions, statement text), folded.</summary>
    public static string For(Node node) => Fold(string.Join(' ', Words(node)));

    /// <summary>
    /// The ranking rule's first tier: a node's own name and aliases, folded (persons, organizations
    /// and places; null for the others). A hit every word of which is found here is a name match and
    /// comes before every hit found only in the rest of <see cref="For"/>'s text; within each tier,
    /// the full-text engine's relevance orders, then the id. An analyst looking a name up gets the
    /// things so named first, and a search costs the name index whenever the name matches fill the
    /// page, however much text mentions the name.
    /// </summary>
    public static string? Names(Node node) => node switch
    {
        Person p => Fold(string.Join(' ', [p.Name, .. p.Aliases])),
        Organization o => Fold(string.Join(' ', [o.Name, .. o.Aliases])),
        Place p => Fold(string.Join(' ', [p.Name, .. p.Aliases])),
        _ => null,
    };

    /// <summary>The kinds that have names (<see cref="Names"/>).</summary>
    public static IReadOnlyList<NodeKind> NamedKinds { get; } = [NodeKind.Person, NodeKind.Organization, NodeKind.Place];

    private static IEnumerable<string?> Words(Node node) => node switch
    {
        Person p => [p.Name, .. p.Aliases, p.Description, .. p.Roles.Select(r => r.Title)],
        Organization o => [o.Name, .. o.Aliases, o.Description],
        Place p => [p.Name, .. p.Aliases, p.Description],
        Event e => [e.Title, e.Description, e.Date?.Text],
        Statement s => [s.Text, s.SpeakerDescription],
        Source s => [s.Title],
        _ => [node.Label],
    };

    /// <summary>The folded words of <paramref name="text"/>.</summary>
    public static IReadOnlyList<string> Terms(string? text) =>
        Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Most words a search or a text filter may hold: a full-text engine's cost grows with their square.</summary>
    public const int MaxQueryTerms = 32;

    /// <summary>Longest word a search or a text filter may hold.</summary>
    public const int MaxQueryTermLength = 100;

    /// <summary>The folded words of a search, within <see cref="MaxQueryTerms"/> and <see cref="MaxQueryTermLength"/>.</summary>
    /// <exception cref="SearchTextTooLongException">More words, or a longer one, than a search may hold.</exception>
    public static IReadOnlyList<string> QueryTerms(string? text)
    {
        var terms = Terms(text);
        if (terms.Count > MaxQueryTerms)
            throw new SearchTextTooLongException($"the search text has {terms.Count} words; at most {MaxQueryTerms} are allowed");
        if (terms.FirstOrDefault(t => t.Length > MaxQueryTermLength) is { } longWord)
            throw new SearchTextTooLongException($"the search text has a word of {longWord.Length} characters; at most {MaxQueryTermLength} are allowed");
        return terms;
    }

    private const char ParagraphSign = '\u00B6';

    // Apostrophes join a word ("Kata'ib"), so they vanish instead of splitting it.
    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC' or '`' or '\u00B4';
}
