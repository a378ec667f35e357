using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Store;

/// <summary>Event criteria; every set field must hold.</summary>
public sealed record EventCriteria
{
    public IReadOnlyList<EventKind>? Kinds { get; init; }
    /// <summary>Events whose date range overlaps [From, To]; undated events never match a date bound.</summary>
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    /// <summary>This place or any place inside it, transitively.</summary>
    public string? PlaceId { get; init; }
    public string? PerpetratorId { get; init; }
    public string? TargetId { get; init; }
}

/// <summary>
/// The events an aggregate or an export covers: the events list's filter (criteria and words),
/// without order or paging. The store applies it with the one event filter its lists use.
/// </summary>
public sealed record EventSelection(EventCriteria? Criteria = null, string? Text = null)
{
    public static readonly EventSelection All = new();

    /// <summary>The same events as a node query, in the given order.</summary>
    public NodeQuery ToNodeQuery(NodeOrder order = NodeOrder.DateAsc) => new() { Kinds = [NodeKind.Event], Text = Text, Events = Criteria, Order = order };
}

/// <summary>Statement criteria; every set field must hold.</summary>
public sealed record StatementCriteria
{
    /// <summary>True: statements without a speaker (described only); false: statements with one.</summary>
    public bool? Anonymous { get; init; }
    public string? SpeakerId { get; init; }
    /// <summary>Made on the organization's behalf, or by a person who is MEMBER_OF it.</summary>
    public string? OrganizationId { get; init; }
    /// <summary>Spoken by this actor or on its behalf.</summary>
    public string? ActorId { get; init; }
    public string? AboutId { get; init; }
    public IReadOnlyList<Stance>? Stances { get; init; }
    /// <summary>Statements this source carries: reported in it (sourceId) or first made in it (primarySourceId).</summary>
    public string? SourceId { get; init; }
}

public enum NodeOrder { Id, DateAsc, DateDesc }

/// <summary>
/// Nodes of some kinds matching optional filters, in a stable order.
/// Date orders apply to events and statements (by start, then end, then id; undated last).
/// </summary>
public sealed record NodeQuery
{
    public required IReadOnlyList<NodeKind> Kinds { get; init; }
    /// <summary>Only these nodes (a subscription asks which of a write's new events match its filter).</summary>
    public IReadOnlyList<string>? Ids { get; init; }
    /// <summary>Full-text match, folded as search folds it.</summary>
    public string? Text { get; init; }
    public IReadOnlyList<OrganizationKind>? OrganizationKinds { get; init; }
    public IReadOnlyList<PlaceKind>? PlaceKinds { get; init; }
    /// <summary>Places strictly inside this place, transitively.</summary>
    public string? WithinPlaceId { get; init; }
    public EventCriteria? Events { get; init; }
    public StatementCriteria? Statements { get; init; }
    public NodeOrder Order { get; init; } = NodeOrder.Id;
}

/// <summary>Relations matching optional filters, ordered by id.</summary>
public sealed record RelationQuery
{
    public IReadOnlyList<RelationType>? Types { get; init; }
    public string? FromId { get; init; }
    public string? ToId { get; init; }
    public IReadOnlyList<ClaimStatus>? Statuses { get; init; }
    /// <summary>Claimed by a statement this actor made, as speaker or as the organization spoken for.</summary>
    public string? ClaimedByActorId { get; init; }
    /// <summary>The from-event was carried out by this actor (for retaliations: who struck back).</summary>
    public string? FromPerpetratorId { get; init; }
    /// <summary>The to-event was carried out by this actor (for retaliations: who was struck back at).</summary>
    public string? ToPerpetratorId { get; init; }
    /// <summary>The from-node is an event whose date overlaps [FromDate, ToDate].</summary>
    public DateOnly? FromDate { get; init; }
    public DateOnly? ToDate { get; init; }
}

/// <summary>Facts matching optional filters, ordered by id.</summary>
public sealed record FactQuery
{
    public string? SubjectId { get; init; }
    public string? Property { get; init; }
    public IReadOnlyList<ClaimStatus>? Statuses { get; init; }
    /// <summary>Claimed (not disputed) by a statement this actor made, as speaker or as the organization spoken for.</summary>
    public string? ClaimedByActorId { get; init; }
}
