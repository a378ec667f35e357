using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using GraphQL.DataLoader;

namespace ConflictGraph.Api.Loading;

/// <summary>The loaders of the claims model: what statements cite, the facts about nodes, and events' PART_OF families.</summary>
public sealed partial class GraphLoaders
{
    private BatchLoader<string, Citations>? citations;
    private BatchLoader<string, IReadOnlyList<Fact>>? facts;
    private BatchLoader<string, EventFamily>? families;

    private BatchLoader<string, Citations> CitationsLoader => Ensure(ref citations, static loaders => new(async (ids, ct) =>
    {
        var found = await loaders.Store.GetCitationsAsync(ids, ct);
        return ids.ToDictionary(id => id, id => new Citations(
            found.Relations.Where(r => r.Claims.Any(c => c.StatementId == id)).ToList(),
            found.Facts.Where(f => f.Claims.Any(c => c.StatementId == id)).ToList()));
    }, Citations.Empty), this);

    private BatchLoader<string, IReadOnlyList<Fact>> FactsLoader => Ensure(ref facts, static loaders => new(async (ids, ct) =>
    {
        var found = await loaders.Store.GetFactsAsync(ids, ct);
        return ids.ToDictionary(id => id, id => (IReadOnlyList<Fact>)found.Where(f => f.SubjectId == id).ToList());
    }, []), this);

    private BatchLoader<string, EventFamily> FamiliesLoader => Ensure(ref families, static loaders => new(async (ids, ct) =>
        await loaders.Store.GetEventFamiliesAsync(ids, ct), EventFamily.None), this);

    private void ResetClaims()
    {
        citations?.Reset();
        facts?.Reset();
        families?.Reset();
    }

    /// <summary>The relations and facts a statement claims or disputes, each with all its claims.</summary>
    public IDataLoaderResult<Citations> CitationsOf(string statementId) => CitationsLoader.Load(statementId);

    /// <summary>The relations a statement claims or disputes.</summary>
    public IDataLoaderResult<IReadOnlyList<Relation>> CitedBy(string statementId) => CitationsOf(statementId).Then(c => c.Relations);

    /// <summary>The facts about a node, of one property or all.</summary>
    public IDataLoaderResult<IReadOnlyList<Fact>> Facts(string subjectId, string? property = null) =>
        FactsLoader.Load(subjectId).Then(found => property is null ? found : (IReadOnlyList<Fact>)found.Where(f => f.Property == property).ToList());

    /// <summary>The events an event is part of, and those part of it.</summary>
    public IDataLoaderResult<EventFamily> Family(string eventId) => FamiliesLoader.Load(eventId);

    /// <summary>The casualty reports of several events, in one call for the level.</summary>
    public IDataLoaderResult<IReadOnlyList<ReportedCasualties>> Casualties(IEnumerable<string> eventIds) =>
        All(eventIds.Distinct().Select(Casualties)).Then(found => (IReadOnlyList<ReportedCasualties>)found.SelectMany(r => r).ToList());

    /// <summary>
    /// True when the event's figures are shared with a PART_OF relative that reports figures too
    /// (<see cref="SharedDeaths.IsShared"/>): a level of events costs two store calls, families then their reports.
    /// </summary>
    public IDataLoaderResult<bool> SharesDeaths(string eventId, bool hasFigures) =>
        !hasFigures ? Done(false) : Family(eventId).ThenLoad(family => family == EventFamily.None
            ? Done(false)
            : Casualties(family.Ancestors.Concat(family.Descendants)).Then(reports =>
                SharedDeaths.IsShared(true, family, id => CasualtyEstimate.Of(reports.Where(r => r.Report.EventId == id).Select(r => r.Report)).HasFigures)));

    /// <summary>
    /// The parties behind some claims (<see cref="ClaimingParties"/>): the statements, then their speakers with
    /// the organizations they are members of, then the parties themselves, one batched call per step for the level.
    /// </summary>
    public IDataLoaderResult<IReadOnlyList<Node>> ClaimingPartiesOf(IEnumerable<string> statementIds) =>
        Nodes(statementIds).ThenLoad(found =>
        {
            var statements = found.OfType<Statement>().ToList();
            var speakers = statements.Select(s => s.SpeakerId).OfType<string>().Distinct().ToList();
            // The speakers and their memberships go out in one expansion.
            return Nodes(speakers).And(All(speakers.Select(id =>
                    Graph.Load(new ExpandRequest(id, [RelationType.MemberOf], Direction.Outgoing, Listed: false)).Then(value => (IReadOnlyList<Relation>)value!))))
                .ThenLoad(speakerData =>
                {
                    var (speakerNodes, memberships) = speakerData;
                    var memberOf = memberships.SelectMany(r => r).Where(r => r.Status != ClaimStatus.Denied).ToLookup(r => r.FromId, r => r.ToId);
                    var parties = ClaimingParties.Of(statements.Select(s => (s, speakerNodes.FirstOrDefault(n => n.Id == s.SpeakerId), memberOf[s.SpeakerId ?? ""])));
                    return Nodes(parties).Then(nodes => (IReadOnlyList<Node>)parties.Select(id => nodes.FirstOrDefault(n => n.Id == id)).OfType<Node>().ToList());
                });
        });
}
