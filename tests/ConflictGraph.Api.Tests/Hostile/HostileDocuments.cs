using System.Text;

namespace ConflictGraph.Api.Tests.Hostile;

/// <summary>The shapes an attacker sends, scaled by a parameter.</summary>
public static class HostileDocuments
{
    /// <summary><paramref name="levels"/> fragments, each spreading the next <paramref name="fanOut"/> times: fanOut^levels fields from under a kilobyte.</summary>
    public static string FragmentFanOut(int levels, int fanOut, string typeCondition = "Query", string leaf = "stats { nodes }", string root = "")
    {
        var text = new StringBuilder($"query {{ {root}...F0 }}\n");
        for (var level = 0; level < levels; level++)
        {
            text.Append($"fragment F{level} on {typeCondition} {{ ");
            for (var spread = 0; spread < fanOut; spread++) text.Append($"...F{level + 1} ");
            text.Append("}\n");
        }
        return text.Append($"fragment F{levels} on {typeCondition} {{ {leaf} }}\n").ToString();
    }

    /// <summary>The same field asked <paramref name="count"/> times with different arguments: every pair conflicts.</summary>
    public static string ConflictingFields(int count) =>
        "{ " + string.Join(' ', Enumerable.Range(0, count).Select(i => $"node(id: \"n{i}\") {{ id }}")) + " }";

    /// <summary>One field repeated <paramref name="count"/> times, as <c>stats { nodes nodes ... }</c>.</summary>
    public static string RepeatedFields(int count) => "{ stats { " + string.Join(' ', Enumerable.Repeat("nodes", count)) + " } }";

    /// <summary>Inline fragments nested <paramref name="levels"/> deep, each holding two copies of the next: 2^levels fields (and as many times the text).</summary>
    public static string InlineDoubling(int levels)
    {
        var inner = "nodes";
        for (var level = 0; level < levels; level++) inner = $"... on GraphStats {{ {inner} }} ... on GraphStats {{ {inner} }}";
        return "{ stats { " + inner + " } }";
    }

    /// <summary>One field repeated with <c>@skip(if: false)</c> on each copy.</summary>
    public static string RepeatedSkips(int count) =>
        "{ stats { " + string.Join(' ', Enumerable.Repeat("nodes @skip(if: false)", count)) + " } }";

    /// <summary>A selection <paramref name="levels"/> deep, more than the parser itself accepts.</summary>
    public static string DeepSelection(int levels) =>
        "{ " + string.Concat(Enumerable.Repeat("node(id: \"x\") { ... on Place { parent { ", levels / 2)) + "id" + new string('}', levels / 2 * 3) + " }";

    /// <summary>A search of <paramref name="words"/> distinct words.</summary>
    public static string ManyWords(int words) => string.Join(' ', Enumerable.Range(0, words).Select(i => $"w{i}"));

    /// <summary><paramref name="count"/> aliased copies of <paramref name="selection"/>.</summary>
    public static string Aliased(int count, string selection) =>
        "{ " + string.Join(' ', Enumerable.Range(0, count).Select(i => $"a{i}: {selection}")) + " }";
}
