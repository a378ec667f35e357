using ConflictGraph.Core.Model;

namespace ConflictGraph.Cli.Generate;

/// <summary>
/// BACKED_BY relations between armed groups and foreign states, with who says so: usually the
/// host state accuses and the backer sometimes denies (DISPUTED); a few are only denied (DENIED)
/// or entered without a source (UNSOURCED).
/// </summary>
internal sealed class BackingClaims(
    BatchDraft draft, IReadOnlyList<GeneratedCountry> countries, IReadOnlyDictionary<string, string> speakers, Random rng)
{
    private int _statements;
    private int _sources;

    public void Add(IEnumerable<GeneratedGroup> groups)
    {
        foreach (var group in groups)
        {
            if (group.BackerStateId is not { } backer) continue;
            var relation = draft.Relate(RelationType.BackedBy, group.Id, backer);
            var roll = rng.Next(20);
            if (roll < 3) continue;
            var host = countries[group.Country];
            var backerCountry = countries.First(c => c.StateId == backer);
            var day = GenerationSettings.FirstDay.AddDays(rng.Next(365));
            var source = NewSource(host, day);
            if (roll >= 5)
            {
                var accusation = Say(host, $"The foreign ministry of {host.Name} said the {group.Name} is armed and paid by {backerCountry.Name}.",
                    Stance.Accuses, day, source, [group.Id, backer]);
                BatchDraft.Claim(relation, accusation);
            }
            if (roll < 5 || roll >= 14)
            {
                var denial = Say(backerCountry, $"{backerCountry.Name} denied giving any support to the {group.Name}.",
                    Stance.Denies, day.AddDays(1), source, [group.Id, backer]);
                BatchDraft.Dispute(relation, denial);
            }
        }
    }

    private string NewSource(GeneratedCountry country, DateOnly day)
    {
        var id = $"source:w{++_sources:D5}";
        draft.Source(id, $"Foreign support for armed groups in {country.Name}", Vocabulary.Pick(rng, country.MediaIds), day.AddDays(1));
        return id;
    }

    private string Say(GeneratedCountry speaker, string text, Stance stance, DateOnly day, string sourceId, List<string> about)
    {
        var id = $"statement:w{++_statements:D5}";
        var statement = draft.Statement(id, text, stance, day, Medium.PressBriefing, sourceId, about);
        statement.OnBehalfOfId = speaker.ForeignMinistryId;
        statement.SpeakerId = speakers[speaker.ForeignMinistryId];
        return id;
    }
}
