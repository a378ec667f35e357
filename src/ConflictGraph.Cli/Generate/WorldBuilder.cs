using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;

namespace ConflictGraph.Cli.Generate;

/// <summary>Builds the world (places, organization hierarchies, their people) from the seed alone.</summary>
public static class WorldBuilder
{
    /// <summary>Roles in generated organizations start within a year of this day.</summary>
    internal static readonly DateOnly Founded = GenerationSettings.FirstDay.AddYears(-1);

    private static readonly (string Id, string Name, OrganizationKind Kind)[] ObserverBodies =
    [
        ("org:intl-council-of-nations", "Council of Nations", OrganizationKind.International),
        ("org:intl-regional-security-forum", "Regional Security Forum", OrganizationKind.International),
        ("org:ngo-civilian-harm-monitor", "Civilian Harm Monitor", OrganizationKind.Ngo),
        ("org:ngo-open-medical-aid", "Open Medical Aid", OrganizationKind.Ngo),
    ];

    public static World Build(GenerationSettings settings)
    {
        var rng = new Random(settings.Seed);
        var draft = new BatchDraft();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var speakers = new Dictionary<string, string>(StringComparer.Ordinal);
        var people = new PersonSeats(draft, names, speakers, rng);

        var countries = new List<GeneratedCountry>();
        for (var i = 0; i < settings.Countries; i++)
            countries.Add(AddCountry(draft, names, people, rng, i));
        foreach (var (id, name, kind) in ObserverBodies)
        {
            draft.Organization(id, name, kind, null);
            names[id] = name;
            people.Seat(id, "Spokesperson", spokesperson: true);
        }

        var groups = new List<GeneratedGroup>();
        for (var g = 0; g < settings.ArmedGroups; g++)
            groups.Add(AddGroup(draft, names, people, rng, countries, groups, g));
        new BackingClaims(draft, countries, speakers, rng).Add(groups);

        return new World
        {
            Batch = draft.Input, Countries = countries, Groups = groups, Names = names, Spokespersons = speakers,
            Observers = ObserverBodies.Select(o => o.Id).ToArray(),
        };
    }

    private static GeneratedCountry AddCountry(BatchDraft draft, Dictionary<string, string> names, PersonSeats people, Random rng, int index)
    {
        var places = PlaceHierarchy.Add(draft, names, rng, index);
        var code = $"org:c{index:D2}";
        string Org(string suffix, string name, OrganizationKind kind, string? parent)
        {
            var id = $"{code}-{suffix}";
            draft.Organization(id, name, kind, places.CountryId);
            if (parent is not null) draft.Relate(RelationType.PartOf, id, parent);
            names[id] = name;
            return id;
        }

        var state = Org("state", $"State of {places.Name}", OrganizationKind.State, null);
        var government = Org("government", $"Government of {places.Name}", OrganizationKind.Government, state);
        var foreign = Org("foreign-ministry", $"{places.Name} Foreign Ministry", OrganizationKind.Government, government);
        var defence = Org("ministry-of-defence", $"{places.Name} Ministry of Defence", OrganizationKind.Government, government);
        Org("ministry-of-interior", $"{places.Name} Ministry of the Interior", OrganizationKind.Government, government);
        var military = Org("armed-forces", $"{places.Name} Armed Forces", OrganizationKind.Military, defence);
        var units = new List<string>();
        for (var u = 1; u <= 2 + rng.Next(4); u++)
        {
            var unit = Org($"unit-{u}", $"{places.Name} {Ordinal(u)} Division", OrganizationKind.Military, military);
            draft.Relate(RelationType.BasedIn, unit, Vocabulary.Pick(rng, places.Sites));
            units.Add(unit);
        }
        draft.Relate(RelationType.BasedIn, military, places.Cities[0]);
        var media = new List<string>
        {
            Org("media-herald", $"The {places.Name} Herald", OrganizationKind.Media, null),
            Org("media-wire", $"{places.Name} News Wire", OrganizationKind.Media, null),
        };

        people.Seat(state, "President", spokesperson: false);
        people.Seat(foreign, "Foreign Ministry spokesperson", spokesperson: true);
        people.Seat(defence, "Minister of Defence", spokesperson: false);
        people.Seat(military, "Armed Forces spokesperson", spokesperson: true);
        return new GeneratedCountry(places.CountryId, places.Name, state, foreign, military, units, places.Cities, places.Sites, media);
    }

    private static GeneratedGroup AddGroup(
        BatchDraft draft, Dictionary<string, string> names, PersonSeats people, Random rng,
        List<GeneratedCountry> countries, List<GeneratedGroup> groups, int index)
    {
        var country = Hotspot(rng, countries.Count);
        var name = Vocabulary.GroupName(rng);
        var id = $"org:g{index:D4}-{Vocabulary.Slug(name)}";
        var acronym = string.Concat(name.Split(' ').Select(w => w[0]));
        draft.Organization(id, name, OrganizationKind.ArmedGroup, countries[country].PlaceId, rng.Next(3) == 0 ? [acronym] : null);
        names[id] = name;
        var home = countries[country];
        draft.Relate(RelationType.BasedIn, id, Vocabulary.Pick(rng, home.CityIds));
        if (rng.Next(3) == 0) draft.Relate(RelationType.Used, id, Vocabulary.Pick(rng, home.SiteIds));
        var elders = groups.Where(g => g.Country == country).ToList();
        if (elders.Count > 0 && rng.Next(10) < 3) draft.Relate(RelationType.PartOf, id, Vocabulary.Pick(rng, elders).Id);
        people.Seat(id, "Commander", spokesperson: false);
        people.Seat(id, "Spokesperson", spokesperson: true);
        var backer = countries.Count > 1 && rng.Next(2) == 0
            ? countries[(country + 1 + rng.Next(countries.Count - 1)) % countries.Count].StateId
            : null;
        return new GeneratedGroup(id, name, country, backer);
    }

    /// <summary>A country index skewed towards the first few: conflict clusters in hotspots.</summary>
    internal static int Hotspot(Random rng, int count)
    {
        var u = rng.NextDouble();
        return Math.Min(count - 1, (int)(u * u * count));
    }

    private static string Ordinal(int n) => n switch { 1 => "1st", 2 => "2nd", 3 => "3rd", _ => $"{n}th" };
}
