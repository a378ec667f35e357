using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;

namespace ConflictGraph.Cli.Generate;

/// <summary>
/// Who says what about a generated event: perpetrators claim or deny it, targets accuse,
/// anonymous officials report casualties (sometimes conflicting), observers condemn, backers
/// defend, and some retaliation claims are disputed.
/// </summary>
internal sealed class EventStatements(World world, Random rng)
{
    private const int StatementsPerSource = 6;

    private readonly Dictionary<string, (string Speaker, string OnBehalfOf)> _voices = Voices(world);
    private BatchDraft _draft = new();
    private string? _source;
    private int _sourceUses;
    private int _sources;
    private int _statements;

    /// <summary>Each file gets its own sources, so a file's statements never cite one in another file.</summary>
    public void StartChunk(BatchDraft draft) => (_draft, _source, _sourceUses) = (draft, null, 0);

    public void Add(EventFacts e)
    {
        var what = EnumNames.Of(e.Kind).Replace('_', ' ').ToLowerInvariant();
        var place = world.Names[e.PlaceId];
        var perpetratorClaims = false;
        if (e.CarriedOut is { } carried && _voices.TryGetValue(e.PerpetratorId!, out var perpetrator))
        {
            if (rng.Next(100) < 35)
            {
                var claim = Say(e, perpetrator, Stance.Asserts, Medium.SocialMedia, $"{Name(perpetrator)} said it carried out the {what} near {place}.");
                BatchDraft.Claim(carried, claim.Id!);
                if (e.Answers is { } answers && rng.Next(2) == 0) BatchDraft.Claim(answers, claim.Id!);
                perpetratorClaims = true;
            }
            else if (rng.Next(100) < 12)
                BatchDraft.Dispute(carried, Say(e, perpetrator, Stance.Denies, Medium.PressRelease, $"{Name(perpetrator)} denied any role in the {what} near {place}.").Id!);
        }
        if (e.CarriedOut is { } accused && e.TargetIsActor && e.TargetId is { } target && _voices.TryGetValue(target, out var victim) && rng.Next(100) < 30)
        {
            var accusation = Say(e, victim, Stance.Accuses, Medium.PressBriefing, $"{Name(victim)} blamed {world.Names[e.PerpetratorId!]} for the {what} near {place}.");
            BatchDraft.Claim(accused, accusation.Id!);
            if (e.Killed is { } killed) Report(accusation, e.Id, killed, conflicting: false);
        }
        if (rng.Next(100) < 35 || (e.Killed is not null && rng.Next(2) == 0))
        {
            var report = Say(e, null, Stance.Reports, Medium.Interview, $"Officials described {Article(what)} {what} near {place}.");
            BatchDraft.Claim(e.OccurredIn, report.Id!);
            if (e.Targeted is { } targeted) BatchDraft.Claim(targeted, report.Id!);
            if (e.Killed is { } killed) Report(report, e.Id, killed, conflicting: rng.Next(10) < 3);
        }
        if (e.Kinetic && rng.Next(100) < 8)
        {
            var observer = _voices[Vocabulary.Pick(rng, world.Observers)];
            Say(e, observer, Stance.Condemns, Medium.PressRelease, $"{Name(observer)} condemned the {what} near {place}.");
        }
        if (e.Answers is { } link && (!perpetratorClaims || rng.Next(4) == 0) && rng.Next(4) == 0)
            BatchDraft.Dispute(link, Say(e, null, Stance.Denies, Medium.Interview, "An official said the attack had nothing to do with earlier strikes.").Id!);
    }

    private StatementInput Say(EventFacts e, (string Speaker, string OnBehalfOf)? voice, Stance stance, Medium medium, string text)
    {
        if (_source is null || _sourceUses++ >= StatementsPerSource)
        {
            _source = $"source:r{++_sources:D7}";
            _sourceUses = 1;
            _draft.Source(_source, $"Fighting reported in {e.Country.Name}", Vocabulary.Pick(rng, e.Country.MediaIds), e.Day.AddDays(1));
        }
        var about = new List<string> { e.Id };
        if (e.PerpetratorId is not null && rng.Next(3) == 0) about.Add(e.PerpetratorId);
        var statement = _draft.Statement($"statement:s{++_statements:D7}", text, stance, e.Day.AddDays(rng.Next(2)), medium, _source, about);
        if (voice is { } known) (statement.SpeakerId, statement.OnBehalfOfId) = known;
        else statement.SpeakerDescription = Vocabulary.Pick(rng, Vocabulary.AnonymousSpeakers);
        return statement;
    }

    private void Report(StatementInput statement, string eventId, int killed, bool conflicting)
    {
        var report = conflicting
            ? new CasualtyReportInput { EventId = eventId, KilledMin = killed + 3 + rng.Next(5) }
            : new CasualtyReportInput { EventId = eventId, KilledMin = killed, KilledMax = killed + rng.Next(2) };
        if (rng.Next(3) == 0) (report.InjuredMin, report.InjuredMax) = (killed, killed * 2 + 1);
        report.Victims = killed == 0 ? null : Vocabulary.Pick(rng, Victims);
        (statement.CasualtyReports ??= []).Add(report);
    }

    private static string Article(string word) => "aeiou".Contains(word[0]) ? "an" : "a";

    private string Name((string Speaker, string OnBehalfOf) voice) => world.Names[voice.OnBehalfOf];

    private static readonly string[] Victims = ["civilians", "fighters", "soldiers", "police officers", "militiamen"];

    private static Dictionary<string, (string, string)> Voices(World world)
    {
        var voices = world.Spokespersons.ToDictionary(s => s.Key, s => (s.Value, s.Key), StringComparer.Ordinal);
        // Divisions speak through their armed forces' spokesperson; states through their foreign ministry.
        foreach (var country in world.Countries)
        {
            foreach (var unit in country.UnitIds) voices[unit] = voices[country.MilitaryId];
            voices[country.StateId] = voices[country.ForeignMinistryId];
        }
        return voices;
    }
}
