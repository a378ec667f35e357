using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;

namespace ConflictGraph.Cli.Generate;

/// <summary>Gives organizations their people: a person with a role, a MEMBER_OF relation, and a spokesperson register.</summary>
internal sealed class PersonSeats(BatchDraft draft, Dictionary<string, string> names, Dictionary<string, string> speakers, Random rng)
{
    private int _next;

    public string Seat(string organizationId, string title, bool spokesperson)
    {
        var name = Vocabulary.PersonName(rng);
        var id = $"person:p{++_next:D5}-{Vocabulary.Slug(name)}";
        var since = WorldBuilder.Founded.AddDays(rng.Next(365));
        draft.Person(id, name, $"{title}, {names[organizationId]}",
            [new RoleInput { Title = title, OrganizationId = organizationId, Since = BatchDraft.Iso(since) }]);
        draft.Relate(RelationType.MemberOf, id, organizationId);
        names[id] = name;
        if (spokesperson) speakers[organizationId] = id;
        return id;
    }
}
