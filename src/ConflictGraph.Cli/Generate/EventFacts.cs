using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;

namespace ConflictGraph.Cli.Generate;

/// <summary>What one generated event is, as its statements then talk about it.</summary>
internal sealed record EventFacts(
    string Id, DateOnly Day, EventKind Kind, GeneratedCountry Country, string PlaceId,
    string? PerpetratorId, string? TargetId, bool TargetIsActor)
{
    public RelationInput? CarriedOut { get; init; }
    public RelationInput? Targeted { get; init; }
    public required RelationInput OccurredIn { get; init; }
    /// <summary>The RETALIATION_FOR or RESPONSE_TO relation to an earlier event, if any.</summary>
    public RelationInput? Answers { get; init; }
    /// <summary>The killed count the sources are reporting on, when the event caused deaths.</summary>
    public int? Killed { get; init; }

    public bool Kinetic => Kind is not (EventKind.Protest or EventKind.Political);
}

/// <summary>The few facts about an earlier event that a later one may answer.</summary>
internal readonly record struct RememberedEvent(string Id, string? PerpetratorId, string? TargetActorId, int Country);
