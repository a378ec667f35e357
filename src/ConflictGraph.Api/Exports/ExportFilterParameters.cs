using ConflictGraph.Api.Events;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using Microsoft.Extensions.Primitives;

namespace ConflictGraph.Api.Exports;

/// <summary>
/// The events list's <c>EventFilter</c> as query parameters: <c>kinds</c> (repeated or comma-separated
/// enum names), <c>from</c> and <c>to</c> (ISO dates), <c>placeId</c>, <c>perpetratorId</c>,
/// <c>targetId</c> and <c>text</c>. A parameter that is unknown or does not parse is refused, named.
/// </summary>
public static class ExportFilterParameters
{
    public static readonly IReadOnlyList<string> Names = ["kinds", "from", "to", "placeId", "perpetratorId", "targetId", "text"];

    /// <exception cref="ExportRefusal">A parameter is unknown, repeated where it may not be, or does not parse.</exception>
    public static EventSelection Read(IQueryCollection query, params string[] others)
    {
        foreach (var name in query.Keys.Where(k => !Names.Contains(k) && !others.Contains(k)))
            throw ExportRefusal.BadInput($"unknown query parameter '{name}'; the filter takes {string.Join(", ", Names)}");
        return new EventFilter
        {
            Kinds = Kinds(query["kinds"]), From = Date(query, "from"), To = Date(query, "to"),
            PlaceId = Single(query, "placeId"), PerpetratorId = Single(query, "perpetratorId"), TargetId = Single(query, "targetId"),
            Text = Text(query),
        }.ToSelection();
    }

    /// <exception cref="ExportRefusal">More words, or a longer word, than a text filter may hold (the core's search limits).</exception>
    private static string? Text(IQueryCollection query)
    {
        var text = Single(query, "text");
        try
        {
            SearchText.QueryTerms(text);
        }
        catch (SearchTextTooLongException e)
        {
            throw ExportRefusal.BadInput($"text: {e.Message}");
        }
        return text;
    }

    private static IReadOnlyList<EventKind>? Kinds(StringValues values)
    {
        if (values.Count == 0) return null;
        var kinds = new List<EventKind>();
        foreach (var name in values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            kinds.Add(EnumNames.TryParse<EventKind>(name, out var kind)
                ? kind
                : throw ExportRefusal.BadInput($"kinds: '{name}' is not an EventKind (one of {string.Join(", ", EnumNames.All<EventKind>())})"));
        return kinds;
    }

    private static DateOnly? Date(IQueryCollection query, string name) => Single(query, name) is { } text
        ? InputText.ParseDate(text) ?? throw ExportRefusal.BadInput($"{name}: '{text}' is not a date; give it as YYYY-MM-DD")
        : null;

    private static string? Single(IQueryCollection query, string name) => query[name].Count switch
    {
        0 => null,
        1 => string.IsNullOrEmpty(query[name][0]) ? throw ExportRefusal.BadInput($"{name}: empty; leave it out to not filter by it") : query[name][0],
        _ => throw ExportRefusal.BadInput($"{name}: given {query[name].Count} times; give it once"),
    };
}
