using System.Text;

namespace ConflictGraph.Core.Model;

/// <summary>The contract's CONSTANT_CASE spelling of our enums, both ways.</summary>
public static class EnumNames
{
    /// <remarks>Each defined value's spelling is made once per type (exports ask for several per row).</remarks>
    public static string Of<T>(T value) where T : struct, Enum =>
        Spellings<T>.Defined.TryGetValue(value, out var name) ? name : ToConstantCase(value.ToString());

    /// <summary>The same spelling for an enum value whose type is known only at run time.</summary>
    public static string Of(Enum value) => ToConstantCase(value.ToString());

    public static IReadOnlyList<string> All<T>() where T : struct, Enum =>
        Enum.GetValues<T>().Select(Of).ToArray();

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        if (text is not null && Names<T>.Values.TryGetValue(text, out value)) return true;
        value = default;
        return false;
    }

    /// <remarks>
    /// Each type's table is a static of its own, made on first use: every node and relation a read parses asks for a few
    /// (a kind, a stance, a date's precision), where a table found by type in a shared dictionary and a boxed value cost
    /// a look-up and a cast each time.
    /// </remarks>
    private static class Names<T> where T : struct, Enum
    {
        public static readonly Dictionary<string, T> Values = Enum.GetValues<T>().ToDictionary(v => Of(v), v => v, StringComparer.Ordinal);
    }

    public static T Parse<T>(string text) where T : struct, Enum =>
        TryParse<T>(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a {typeof(T).Name} (one of {string.Join(", ", All<T>())})");

    private static class Spellings<T> where T : struct, Enum
    {
        public static readonly IReadOnlyDictionary<T, string> Defined =
            Enum.GetValues<T>().Distinct().ToDictionary(v => v, v => ToConstantCase(v.ToString()));
    }

    private static string ToConstantCase(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i])) builder.Append('_');
            builder.Append(char.ToUpperInvariant(pascal[i]));
        }
        return builder.ToString();
    }
}
