using System.Text.Json;
using System.Text.RegularExpressions;

namespace ConflictGraph.Core.Import;

/// <summary>Turns System.Text.Json's exception into a problem a person can act on.</summary>
internal static partial class JsonProblem
{
    public static ValidationProblem From(JsonException e, string file)
    {
        var where = e.LineNumber is { } line
            ? $"{file}: line {line + 1}, position {(e.BytePositionInLine ?? 0) + 1}: {e.Path ?? "$"}"
            : $"{file}: {e.Path ?? "$"}";
        return new ValidationProblem(where, IdListHint(e) ?? Describe(e));
    }

    // An object where an id list expects a statement id is most likely a claim with a position or
    // a characterization: say where those go.
    private static string? IdListHint(JsonException e) =>
        e.Path is { } path && IdListItem().IsMatch(path) && e.Message.Contains("could not be converted", StringComparison.Ordinal)
            ? "expected a statement id: claimedByIds and disputedByIds hold ids only; a claim with a position or a characterization goes in " +
              "claims: [{ \"statementId\": ..., \"position\": \"CLAIMS\" or \"DISPUTES\", \"characterization\": ... }]"
            : null;

    private static string Describe(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut >= 0) message = message[..cut];
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal)) return "unknown field";
        if (ConversionTarget().Match(message) is { Success: true } conversion) return $"expected {Expected(conversion.Groups[1].Value)}";
        return $"invalid JSON: {message.TrimEnd('.')}";
    }

    private static string Expected(string type) => type switch
    {
        _ when type.Contains("List`1[System.String]", StringComparison.Ordinal) => "a list of strings",
        _ when type.Contains("List`1", StringComparison.Ordinal) => "a list",
        _ when type.Contains("System.String", StringComparison.Ordinal) => "a string",
        _ when type.Contains("System.Int32", StringComparison.Ordinal) => "a whole number",
        _ when type.Contains("System.Double", StringComparison.Ordinal) => "a number",
        _ => "an object",
    };

    [GeneratedRegex("could not be converted to (\\S+)")]
    private static partial Regex ConversionTarget();

    [GeneratedRegex("\\.(claimedByIds|disputedByIds)\\[\\d+\\]$")]
    private static partial Regex IdListItem();
}
