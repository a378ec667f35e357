using ConflictGraph.Core.Import;

namespace ConflictGraph.Cli.Generate;

/// <summary>One generated country: its place hierarchy and its state's organizations.</summary>
public sealed record GeneratedCountry(
    string PlaceId, string Name, string StateId, string ForeignMinistryId, string MilitaryId,
    IReadOnlyList<string> UnitIds, IReadOnlyList<string> CityIds, IReadOnlyList<string> SiteIds, IReadOnlyList<string> MediaIds);

/// <summary>A generated armed group, the country it fights in, and the state said to back it.</summary>
public sealed record GeneratedGroup(string Id, string Name, int Country, string? BackerStateId);

/// <summary>
/// The fixed part of a generated graph (places, organizations, their people), built from the seed
/// alone; events then refer to it. The benchmark reads it to pick the ids it queries.
/// </summary>
public sealed class World
{
    public required GraphInput Batch { get; init; }
    public required IReadOnlyList<GeneratedCountry> Countries { get; init; }
    public required IReadOnlyList<GeneratedGroup> Groups { get; init; }
    /// <summary>International bodies and NGOs that comment on events.</summary>
    public required IReadOnlyList<string> Observers { get; init; }
    /// <summary>Display names by id, for the text of titles and statements.</summary>
    public required IReadOnlyDictionary<string, string> Names { get; init; }
    /// <summary>The person who speaks for each organization that has one.</summary>
    public required IReadOnlyDictionary<string, string> Spokespersons { get; init; }
}
