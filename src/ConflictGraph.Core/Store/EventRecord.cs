using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;

namespace ConflictGraph.Core.Store;

/// <summary>A node at the far end of one of an event's relations, with that relation's claim status.</summary>
public sealed record LinkedNode(string Id, NodeKind Kind, string Label, ClaimStatus Status);

/// <summary>A place an event occurred in (OCCURRED_IN), with that relation's claim status.</summary>
public sealed record LinkedPlace(Place Place, ClaimStatus Status);

/// <summary>
/// One event with what an export row holds: where (with coordinates and their precision), who
/// carried it out, what it targeted, the events it is directly part of, its killed estimate
/// (<see cref="CasualtyEstimate.Of"/> of its reports) and whether any relation or fact about it is
/// disputed or denied. Lists are ordered by node id.
/// </summary>
public sealed record EventRecord(
    Event Event, IReadOnlyList<LinkedPlace> Places, IReadOnlyList<LinkedNode> Perpetrators, IReadOnlyList<LinkedNode> Targets,
    IReadOnlyList<string> PartOf, CasualtyEstimate Killed, bool Disputed);
