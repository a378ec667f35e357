using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Rules;

/// <summary>
/// A fact's id, read off its identity: <c>subject/property=value</c>. Node ids hold no '/' and
/// properties no '=', so the id splits back at the first of each; the value is kept as given.
/// </summary>
public static class FactKey
{
    public const int MaxPropertyLength = 64;
    public const int MaxValueLength = 300;

    public static string Format(string subjectId, string property, string value) => $"{subjectId}/{property}={value}";

    public static bool TryParse(string id, out string subjectId, out string property, out string value)
    {
        subjectId = property = value = "";
        var slash = id.IndexOf('/');
        var equals = slash < 0 ? -1 : id.IndexOf('=', slash);
        if (slash <= 0 || equals <= slash + 1) return false;
        (subjectId, property, value) = (id[..slash], id[(slash + 1)..equals], id[(equals + 1)..]);
        return value.Length > 0;
    }

    /// <summary>Null when <paramref name="property"/> is a valid property name: lower-case letters, digits, '-' and '_', starting with a letter.</summary>
    public static string? PropertyProblem(string property)
    {
        if (property.Length > MaxPropertyLength) return $"is {property.Length} characters long (at most {MaxPropertyLength})";
        if (property.Length == 0 || property[0] is < 'a' or > 'z' || property.Any(c => !(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_')))
            return $"'{property}' is not a property name (lower-case letters, digits, '-' and '_', starting with a letter, e.g. 'function')";
        return null;
    }
}
