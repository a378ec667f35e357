using ConflictGraph.Cli.Generate;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;

namespace ConflictGraph.Cli.Tests.Generate;

/// <summary>The generated graph holds the shapes analysts ask about, enough to exercise every query.</summary>
public sealed class GeneratedGraphShapeTests
{
    private static readonly GraphInput Graph = GraphGenerator.Whole(new GenerationSettings(Events: 2_000, Seed: 42));

    [Fact]
    public void PlacesRunFromCountriesDownToSites()
    {
        var kinds = Graph.Places!.Select(p => p.Kind).ToHashSet();
        Assert.Superset(new HashSet<string?> { "COUNTRY", "REGION", "CITY", "SITE" }, kinds);
        var site = Graph.Places!.First(p => p.Kind == "SITE");
        // site -> city -> region -> country
        var chain = new List<string> { site.Id! };
        while (Graph.Relations!.FirstOrDefault(r => r.Type == "LOCATED_IN" && r.FromId == chain[^1]) is { } up) chain.Add(up.ToId!);
        Assert.Equal("COUNTRY", Graph.Places!.Single(p => p.Id == chain[^1]).Kind);
        Assert.Equal(4, chain.Count);
    }

    [Fact]
    public void OrganizationsFormHierarchiesAndBackings()
    {
        Assert.Contains(Graph.Relations!, r => r.Type == "PART_OF" && r.FromId!.StartsWith("org:"));
        Assert.Contains(Graph.Relations!, r => r.Type == "BACKED_BY");
        Assert.Contains(Graph.Relations!, r => r.Type == "MEMBER_OF");
        Assert.Contains(Graph.Organizations!, o => o.Kind == "ARMED_GROUP");
        Assert.Contains(Graph.Persons!, p => p.Roles is [{ OrganizationId: not null }]);
    }

    [Fact]
    public void RetaliationsAndResponsesAnswerEarlierEvents()
    {
        var chains = Graph.Relations!.Where(r => r.Type is "RETALIATION_FOR" or "RESPONSE_TO").ToList();
        Assert.Contains(chains, r => r.Type == "RETALIATION_FOR");
        Assert.Contains(chains, r => r.Type == "RESPONSE_TO");
        // Event numbers follow dates, so the answering event always has the larger number.
        Assert.All(chains, r => Assert.True(string.CompareOrdinal(r.FromId, r.ToId) > 0, $"{r.FromId} answers the later {r.ToId}"));
    }

    [Fact]
    public void SomeClaimsAreDisputedAndSomeOnlyDenied()
    {
        var statuses = Graph.Relations!
            .Select(r => ClaimStatusRule.Of(r.ClaimedByIds?.Count ?? 0, r.DisputedByIds?.Count ?? 0))
            .ToHashSet();
        Assert.Equal(Enum.GetValues<ClaimStatus>().ToHashSet(), statuses);
    }

    [Fact]
    public void SomeCasualtyReportsConflict()
    {
        var byEvent = Graph.Statements!
            .SelectMany(s => (s.CasualtyReports ?? []).Select(r => new ReportedCasualties(s.Id!,
                new CasualtyReport(r.EventId!, r.KilledMin, r.KilledMax, r.InjuredMin, r.InjuredMax, r.Victims))))
            .GroupBy(r => r.Report.EventId)
            .Select(g => new CasualtySummary(g.ToList()))
            .ToList();
        Assert.Contains(byEvent, s => s.Conflicting);
        Assert.Contains(byEvent, s => s.Reports.Count > 1 && !s.Conflicting);
    }

    [Fact]
    public void DatesAreMostlyDaysWithSomeMonthsAndYears()
    {
        var precisions = Graph.Events!.GroupBy(e => e.Date!.Precision!).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(precisions["DAY"] > Graph.Events!.Count / 2);
        Assert.True(precisions["MONTH"] > 0);
        Assert.True(precisions["YEAR"] > 0);
    }

    [Fact]
    public void EventsHavePerpetratorsPlacesTargetsSubEventsAndDeaths()
    {
        foreach (var type in new[] { "CARRIED_OUT", "OCCURRED_IN", "TARGETED", "KILLED" })
            Assert.Contains(Graph.Relations!, r => r.Type == type);
        Assert.Contains(Graph.Relations!, r => r.Type == "PART_OF" && r.FromId!.StartsWith("event:"));
        Assert.Equal(Graph.Events!.Count, Graph.Relations!.Count(r => r.Type == "OCCURRED_IN"));
    }

    [Fact]
    public void StatementsHaveNamedAndAnonymousSpeakersAndSources()
    {
        Assert.Contains(Graph.Statements!, s => s.SpeakerId is not null && s.OnBehalfOfId is not null);
        Assert.Contains(Graph.Statements!, s => s.SpeakerId is null && s.SpeakerDescription is not null);
        var sources = Graph.Sources!.Select(s => s.Id).ToHashSet();
        Assert.All(Graph.Statements!, s => Assert.Contains(s.SourceId, sources));
    }
}
