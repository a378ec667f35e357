using System.Collections.Frozen;
using ConflictGraph.Core.Codings;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Api.Exports;

/// <summary>What the CSV and GeoJSON exports both derive from an event record: its codings and where to put it on a map.</summary>
internal static class ExportedEvent
{
    /// <summary>Each kind's codings, worked out once from the coding table (an export asks for them on every row).</summary>
    private static readonly FrozenDictionary<EventKind, IReadOnlyList<(string Scheme, string? Code)>> Coded =
        Enum.GetValues<EventKind>().Distinct().ToFrozenDictionary(k => k, k => (IReadOnlyList<(string, string?)>)CodingsOf(k).ToList());

    /// <summary>Each coding scheme (ACLED_EVENT_TYPE, CAMEO, ...) in the coding table's order, with the kind's code in it or null.</summary>
    public static IReadOnlyList<(string Scheme, string? Code)> Codings(EventKind kind) => Coded.TryGetValue(kind, out var codes) ? codes : CodingsOf(kind).ToList();

    /// <summary>The schemes events are coded in, for column names.</summary>
    public static IReadOnlyList<string> EventSchemes { get; } = CodingsOf(EventKind.Other).Select(c => c.Scheme).ToList();

    /// <summary>The first of the event's places (by id) that has coordinates: the point on a map; null when none has.</summary>
    public static LinkedPlace? Located(EventRecord record)
    {
        foreach (var place in record.Places)
            if (place.Place.Location is not null) return place;
        return null;
    }

    private static IEnumerable<(string Scheme, string? Code)> CodingsOf(EventKind kind)
    {
        var codes = CodingTable.For(kind);
        return CodingTable.Schemes.Where(s => CodingTable.Rows.Any(r => r.Scheme == s.Id && r.Subject == CodingRow.EventSubject))
            .Select(s => (s.Id, codes.FirstOrDefault(c => c.Scheme == s.Id)?.Code));
    }
}
