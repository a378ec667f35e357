using ConflictGraph.Core.Rules;

namespace ConflictGraph.Core.Model;

/// <summary>
/// A property of a node as statements state it (what a site was used for, whose men were there),
/// identified by (subject, property, value) like a relation by its ends: loading it again merges
/// its claims. The graph asserts nothing here in its own voice.
/// </summary>
public sealed record Fact(string SubjectId, string Property, string Value, IReadOnlyList<Claim> Claims) : Claimed(Claims)
{
    /// <summary>Readable and stable, e.g. <c>place:depot/function=weapons storage</c>; see <see cref="FactKey"/>.</summary>
    public string Id => FactKey.Format(SubjectId, Property, Value);
}
