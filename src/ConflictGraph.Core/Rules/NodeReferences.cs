using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Rules;

/// <summary>A field of one node that names another node by id.</summary>
public sealed record NodeReference(string Field, string TargetId, IReadOnlyList<NodeKind> AllowedKinds);

/// <summary>The ids a node's fields point at, and how to drop one when its target is deleted.</summary>
public static class NodeReferences
{
    private static readonly NodeKind[] Actors = [NodeKind.Person, NodeKind.Organization];
    private static readonly NodeKind[] Organizations = [NodeKind.Organization];
    private static readonly NodeKind[] Anything = Enum.GetValues<NodeKind>();

    public static IEnumerable<NodeReference> Of(Node node)
    {
        switch (node)
        {
            case Person person:
                for (var i = 0; i < person.Roles.Count; i++)
                    if (person.Roles[i].OrganizationId is { } org)
                        yield return new($"roles[{i}].organizationId", org, Organizations);
                break;
            case Organization { CountryId: { } country }:
                yield return new("countryId", country, [NodeKind.Place]);
                break;
            case Source source:
                if (source.PublisherId is { } publisher) yield return new("publisherId", publisher, Organizations);
                if (source.RelaysId is { } relayed) yield return new("relaysId", relayed, [NodeKind.Source]);
                break;
            case Statement statement:
                if (statement.SpeakerId is { } speaker) yield return new("speakerId", speaker, Actors);
                if (statement.OnBehalfOfId is { } org2) yield return new("onBehalfOfId", org2, Organizations);
                if (statement.SourceId is { } reportedIn) yield return new("sourceId", reportedIn, [NodeKind.Source]);
                if (statement.PrimarySourceId is { } primary) yield return new("primarySourceId", primary, [NodeKind.Source]);
                if (statement.PlaceId is { } place) yield return new("placeId", place, [NodeKind.Place]);
                for (var i = 0; i < statement.AboutIds.Count; i++)
                    yield return new($"aboutIds[{i}]", statement.AboutIds[i], Anything);
                for (var i = 0; i < statement.CasualtyReports.Count; i++)
                    yield return new($"casualtyReports[{i}].eventId", statement.CasualtyReports[i].EventId, [NodeKind.Event]);
                break;
        }
    }

    /// <summary>The node with every reference to <paramref name="deletedId"/> removed.</summary>
    public static Node Without(Node node, string deletedId) => node switch
    {
        Person p => p with { Roles = p.Roles.Select(r => r.OrganizationId == deletedId ? r with { OrganizationId = null } : r).ToArray() },
        Organization o when o.CountryId == deletedId => o with { CountryId = null },
        Source s => s with
        {
            PublisherId = s.PublisherId == deletedId ? null : s.PublisherId,
            RelaysId = s.RelaysId == deletedId ? null : s.RelaysId,
        },
        Statement s => s with
        {
            SpeakerId = s.SpeakerId == deletedId ? null : s.SpeakerId,
            OnBehalfOfId = s.OnBehalfOfId == deletedId ? null : s.OnBehalfOfId,
            SourceId = s.SourceId == deletedId ? null : s.SourceId,
            PrimarySourceId = s.PrimarySourceId == deletedId ? null : s.PrimarySourceId,
            PlaceId = s.PlaceId == deletedId ? null : s.PlaceId,
            AboutIds = s.AboutIds.Where(id => id != deletedId).ToArray(),
            CasualtyReports = s.CasualtyReports.Where(r => r.EventId != deletedId).ToArray(),
        },
        _ => node,
    };
}
