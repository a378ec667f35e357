using ConflictGraph.Api.Events;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Api.Live;

/// <summary>Whether a new event passes an EventFilter, with the same meaning as <c>Query.events</c>.</summary>
public sealed class EventFilterMatch(EventFilter filter)
{
    public async Task<bool> MatchesAsync(Event @event, IGraphStore store, CancellationToken cancellationToken)
    {
        if (filter.Kinds is { } kinds && !kinds.Contains(@event.EventKind)) return false;
        var (from, to) = (filter.From, filter.To);
        if ((from is not null || to is not null) && @event.Date?.Overlaps(from, to) != true) return false;
        if (filter.Text is { } text)
        {
            var words = SearchText.Terms($"{@event.Title} {@event.Description}");
            if (!SearchText.Terms(text).All(term => words.Any(w => w.StartsWith(term, StringComparison.Ordinal)))) return false;
        }
        var (placeId, perpetratorId, targetId) = (filter.PlaceId, filter.PerpetratorId, filter.TargetId);
        if (placeId is null && perpetratorId is null && targetId is null) return true;
        var relations = await store.GetRelationsAsync([@event.Id], [RelationType.OccurredIn, RelationType.CarriedOut, RelationType.Targeted], Direction.Both, cancellationToken);
        if (perpetratorId is not null && !relations.Any(r => r.Type == RelationType.CarriedOut && r.FromId == perpetratorId)) return false;
        if (targetId is not null && !relations.Any(r => r.Type == RelationType.Targeted && r.ToId == targetId)) return false;
        if (placeId is null) return true;
        var places = relations.Where(r => r.Type == RelationType.OccurredIn && r.FromId == @event.Id).Select(r => r.ToId).ToList();
        if (places.Contains(placeId)) return true;
        var inside = await store.GetPlacesWithinAsync([placeId], cancellationToken);
        return places.Any(inside[placeId].Contains);
    }
}
