using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Rules;

/// <summary>Which node kinds each relation type may join.</summary>
public static class RelationRules
{
    private static readonly NodeKind[] Actors = [NodeKind.Person, NodeKind.Organization];

    private static readonly IReadOnlyDictionary<RelationType, (NodeKind[] From, NodeKind[] To)> Allowed =
        new Dictionary<RelationType, (NodeKind[], NodeKind[])>
        {
            [RelationType.CarriedOut] = (Actors, [NodeKind.Event]),
            [RelationType.Targeted] = ([NodeKind.Event], [NodeKind.Person, NodeKind.Organization, NodeKind.Place]),
            [RelationType.OccurredIn] = ([NodeKind.Event], [NodeKind.Place]),
            [RelationType.RetaliationFor] = ([NodeKind.Event], [NodeKind.Event]),
            [RelationType.ResponseTo] = ([NodeKind.Event], [NodeKind.Event]),
            [RelationType.PartOf] = ([NodeKind.Event, NodeKind.Organization], [NodeKind.Event, NodeKind.Organization]),
            [RelationType.Killed] = ([NodeKind.Event], [NodeKind.Person]),
            [RelationType.MemberOf] = ([NodeKind.Person], [NodeKind.Organization]),
            [RelationType.BackedBy] = (Actors, Actors),
            [RelationType.Used] = (Actors, [NodeKind.Place]),
            [RelationType.LocatedIn] = ([NodeKind.Place], [NodeKind.Place]),
            [RelationType.BasedIn] = (Actors, [NodeKind.Place]),
            [RelationType.Authorized] = (Actors, [NodeKind.Event]),
            [RelationType.PresentAt] = (Actors, [NodeKind.Place]),
            [RelationType.AssociatedWith] = (Actors, [NodeKind.Event]),
        };

    /// <summary>The relation types that form escalation chains; also what <c>responses</c> lists.</summary>
    public static readonly IReadOnlyList<RelationType> Escalation = [RelationType.RetaliationFor, RelationType.ResponseTo];

    /// <summary>The node kinds a fact may be about: the kinds that carry facts in the schema.</summary>
    public static readonly IReadOnlyList<NodeKind> FactSubjects = [NodeKind.Person, NodeKind.Organization, NodeKind.Place, NodeKind.Event];

    public static IReadOnlyList<NodeKind> FromKinds(RelationType type) => Allowed[type].From;

    public static IReadOnlyList<NodeKind> ToKinds(RelationType type) => Allowed[type].To;

    /// <summary>Null when the pair may be joined, else what is wrong with it.</summary>
    public static string? Check(RelationType type, NodeKind from, NodeKind to)
    {
        var (fromKinds, toKinds) = Allowed[type];
        var name = EnumNames.Of(type);
        if (!fromKinds.Contains(from))
            return $"{name} cannot start at a {EnumNames.Of(from)} (allowed: {Names(fromKinds)})";
        if (!toKinds.Contains(to))
            return $"{name} cannot end at a {EnumNames.Of(to)} (allowed: {Names(toKinds)})";
        // PART_OF joins like with like: an event inside an event, an organization inside one.
        if (type == RelationType.PartOf && from != to)
            return $"{name} joins two nodes of one kind, not a {EnumNames.Of(from)} and a {EnumNames.Of(to)}";
        return null;
    }

    private static string Names(IEnumerable<NodeKind> kinds) => string.Join(", ", kinds.Select(EnumNames.Of));
}
