using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;

namespace ConflictGraph.Cli.Generate;

/// <summary>
/// Generates events in date order, a chunk at a time, with their places, perpetrators, targets,
/// sub-events, deaths, retaliation and response chains, and the statements about them.
/// One instance must produce every chunk in order: later events answer earlier ones.
/// </summary>
internal sealed class EventStream
{
    private static readonly EventKind[] StateKinds = [EventKind.Airstrike, EventKind.ArtilleryFire, EventKind.DroneAttack, EventKind.GroundAttack];
    private static readonly EventKind[] GroupKinds =
        [EventKind.RocketAttack, EventKind.DroneAttack, EventKind.GroundAttack, EventKind.ArmedClash, EventKind.RocketAttack, EventKind.GroundAttack];

    private readonly World _world;
    private readonly GenerationSettings _settings;
    private readonly Random _rng;
    private readonly List<GeneratedGroup>[] _groupsByCountry;
    private readonly RememberedEvent[] _recent = new RememberedEvent[1024];
    private readonly EventStatements _statements;
    private int _remembered;
    private int _victims;

    public EventStream(World world, GenerationSettings settings)
    {
        _world = world;
        _settings = settings;
        _rng = new Random(unchecked(settings.Seed * 7919 + 104_729));
        _groupsByCountry = world.Countries.Select((_, i) => world.Groups.Where(g => g.Country == i).ToList()).ToArray();
        _statements = new EventStatements(world, _rng);
    }

    public GraphInput Chunk(int firstIndex, int count)
    {
        var draft = new BatchDraft();
        _statements.StartChunk(draft);
        for (var i = firstIndex; i < firstIndex + count; i++) AddEvent(draft, i);
        return draft.Input;
    }

    private void AddEvent(BatchDraft draft, int index)
    {
        var id = $"event:e{index + 1:D7}";
        var day = _settings.DayOf(index);
        var roll = _rng.Next(100);
        RelationType? link = null;
        RememberedEvent earlier = default;
        int country;
        string? perpetrator, target;
        if (roll < 17 && _remembered > 0 && Recall(roll < 12 ? 500 : 5) is { PerpetratorId: not null, TargetActorId: not null } answered)
        {
            // Who was struck strikes back at whoever struck it.
            (link, earlier, country) = (roll < 12 ? RelationType.RetaliationFor : RelationType.ResponseTo, answered, answered.Country);
            (perpetrator, target) = (answered.TargetActorId, answered.PerpetratorId);
        }
        else
        {
            country = WorldBuilder.Hotspot(_rng, _world.Countries.Count);
            (perpetrator, target) = PickSides(country);
        }
        var home = _world.Countries[country];
        var kind = PickKind(perpetrator, roll);
        var targetIsActor = target is not null;
        if (kind == EventKind.TargetedKilling) (target, targetIsActor) = (AddVictim(draft, home, day), true);
        else if (target is null && kind is not (EventKind.Protest or EventKind.Political)) target = Vocabulary.Pick(_rng, home.SiteIds);
        var placeId = !targetIsActor && target is not null ? target
            : _rng.Next(5) < 3 ? Vocabulary.Pick(_rng, home.SiteIds) : Vocabulary.Pick(_rng, home.CityIds);

        draft.Event(id, Title(kind, perpetrator, target, placeId), kind, FuzzyDay(day), _rng.Next(4) == 0 ? $"Generated event {index + 1} in {home.Name}." : null);
        var facts = new EventFacts(id, day, kind, home, placeId, perpetrator, target, targetIsActor)
        {
            OccurredIn = draft.Relate(RelationType.OccurredIn, id, placeId),
            CarriedOut = perpetrator is null ? null : draft.Relate(RelationType.CarriedOut, perpetrator, id),
            Targeted = target is null ? null : draft.Relate(RelationType.Targeted, id, target),
            Answers = link is { } type ? draft.Relate(type, id, earlier.Id) : null,
            Killed = kind == EventKind.TargetedKilling ? 1 : kind is EventKind.Protest or EventKind.Political || _rng.Next(2) == 0 ? null : _rng.Next(15),
        };
        if (kind == EventKind.TargetedKilling) draft.Relate(RelationType.Killed, id, target!);
        else if (facts.Killed > 0 && _rng.Next(10) == 0) draft.Relate(RelationType.Killed, id, AddVictim(draft, home, day));
        if (link is null && _remembered > 0 && _rng.Next(100) < 6 && Recall(3) is { Country: var c } whole && c == country)
            draft.Relate(RelationType.PartOf, id, whole.Id);
        _statements.Add(facts);
        _recent[_remembered++ % _recent.Length] = new RememberedEvent(
            id, perpetrator, target is not null && target.StartsWith("org:", StringComparison.Ordinal) ? target : null, country);
    }

    private RememberedEvent Recall(int within)
    {
        var back = 1 + _rng.Next(Math.Min(within, Math.Min(_remembered, _recent.Length)));
        return _recent[(_remembered - back) % _recent.Length];
    }

    private (string? Perpetrator, string? Target) PickSides(int country)
    {
        var home = _world.Countries[country];
        var groups = _groupsByCountry[country].Count > 0 ? _groupsByCountry[country] : _world.Groups;
        var military = _rng.Next(3) == 0 ? home.MilitaryId : Vocabulary.Pick(_rng, home.UnitIds);
        var roll = _rng.Next(100);
        if (roll < 55) return (Vocabulary.Pick(_rng, groups).Id, _rng.Next(2) == 0 ? military : null);
        if (roll < 75) return (military, Vocabulary.Pick(_rng, groups).Id);
        if (roll < 85)
        {
            var foreign = _world.Countries[(country + 1 + _rng.Next(Math.Max(1, _world.Countries.Count - 1))) % _world.Countries.Count];
            return (foreign.MilitaryId, Vocabulary.Pick(_rng, groups).Id);
        }
        if (roll < 94) return (null, _rng.Next(2) == 0 ? military : null);
        return (Vocabulary.Pick(_rng, groups).Id, home.StateId);
    }

    private EventKind PickKind(string? perpetrator, int roll)
    {
        if (perpetrator is null) return _rng.Next(2) == 0 ? EventKind.RocketAttack : EventKind.Other;
        if (roll >= 94 && _rng.Next(2) == 0) return _rng.Next(2) == 0 ? EventKind.Protest : EventKind.Political;
        if (!perpetrator.StartsWith("org:g", StringComparison.Ordinal)) return Vocabulary.Pick(_rng, StateKinds);
        return _rng.Next(100) < 4 ? EventKind.TargetedKilling : Vocabulary.Pick(_rng, GroupKinds);
    }

    private FuzzyDateInput FuzzyDay(DateOnly day)
    {
        var roll = _rng.Next(100);
        if (roll < 5) return BatchDraft.Year(day, $"in {day.Year}");
        if (roll < 15) return BatchDraft.Month(day, $"since {day:MMMM}");
        var date = BatchDraft.Day(day, roll < 35 ? day.DayOfWeek.ToString() : null);
        if (roll >= 90) date.At = $"{BatchDraft.Iso(day)}T{_rng.Next(24):D2}:{_rng.Next(60):D2}:00+03:00";
        return date;
    }

    private string AddVictim(BatchDraft draft, GeneratedCountry home, DateOnly day)
    {
        var name = Vocabulary.PersonName(_rng);
        var id = $"person:v{++_victims:D7}-{Vocabulary.Slug(name)}";
        draft.Person(id, name, $"Killed in {home.Name} on {BatchDraft.Iso(day)}", null);
        return id;
    }

    private string Title(EventKind kind, string? perpetrator, string? target, string placeId)
    {
        var who = perpetrator is null ? "Unclaimed" : _world.Names[perpetrator];
        var what = EnumNames.Of(kind).Replace('_', ' ').ToLowerInvariant();
        var on = target is null || !_world.Names.TryGetValue(target, out var aimed) ? "" : $" on {aimed}";
        return $"{who} {what}{on} near {_world.Names[placeId]}";
    }
}
