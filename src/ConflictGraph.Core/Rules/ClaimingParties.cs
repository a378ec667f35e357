using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Rules;

/// <summary>
/// Who stands behind a claim: the party a statement speaks for, so that three voices of one
/// ministry count as one party. A statement's party is the organization it was made on behalf of;
/// else, when an organization speaks, that organization; when a person speaks, the organization of
/// the role they held at the statement's date, else the first organization they are a member of
/// (MEMBER_OF, by id); else the person. An anonymous statement made for no organization has no party.
/// </summary>
public static class ClaimingParties
{
    /// <param name="speaker">The statement's speaker node, when it has one and it exists.</param>
    /// <param name="memberOf">The organizations the speaker is MEMBER_OF (any order; the first by id is used).</param>
    public static string? PartyOf(Statement statement, Node? speaker, IEnumerable<string> memberOf)
    {
        if (statement.OnBehalfOfId is { } organization) return organization;
        switch (speaker)
        {
            case Organization o:
                return o.Id;
            case Person p:
                return RoleAt(p, statement.Date)?.OrganizationId
                    ?? memberOf.Order(StringComparer.Ordinal).FirstOrDefault()
                    ?? p.Id;
            default:
                return statement.SpeakerId;
        }
    }

    /// <summary>The distinct parties of the given statements, in the order first seen.</summary>
    public static IReadOnlyList<string> Of(IEnumerable<(Statement Statement, Node? Speaker, IEnumerable<string> MemberOf)> claimers) =>
        claimers.Select(c => PartyOf(c.Statement, c.Speaker, c.MemberOf)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The first role with an organization that the person held at some point of <paramref name="date"/> (any role when undated).</summary>
    private static Role? RoleAt(Person person, FuzzyDate? date) =>
        person.Roles.FirstOrDefault(r => r.OrganizationId is not null
            && (date is null || ((r.Since is null || r.Since <= date.End) && (r.Until is null || r.Until >= date.Start))));
}
