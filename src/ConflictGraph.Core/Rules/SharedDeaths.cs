using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Core.Rules;

/// <summary>
/// An event and an event it is part of (PART_OF, at any depth) may report the same dead: the
/// strikes of one night and the strike on one depot that night. The rule that no dead are counted
/// twice: in any total over a set of events, an event's figures are added only when no event of
/// the same set that contains it has figures of its own, because those already count its dead.
/// When the containing event reports nothing, its parts' figures add up. Per event, the figures
/// stay as reported, and <see cref="IsShared"/> tells a reader not to add them to a relative's.
/// Stores aggregating in their query language apply <see cref="Counts"/> there: they tally every
/// event of a group and, apart, the events it rules out, and <see cref="Total(CasualtyTally, CasualtyTally)"/>
/// takes the difference, so the arithmetic stays here.
/// </summary>
public static class SharedDeaths
{
    /// <summary>One event of a total: its estimate and the events it is part of, transitively.</summary>
    public sealed record Member(string EventId, CasualtyEstimate Estimate, IReadOnlyCollection<string> Ancestors);

    /// <summary>True when the event has figures and so does an event it is part of or that is part of it.</summary>
    public static bool IsShared(bool hasFigures, EventFamily family, Func<string, bool> hasFiguresOf) =>
        hasFigures && family.Ancestors.Concat(family.Descendants).Any(hasFiguresOf);

    /// <summary>True when a total over a set adds this event's figures: it has some and no ancestor in the set has any.</summary>
    public static bool Counts(bool hasFigures, bool anAncestorInTheSetHasFigures) => hasFigures && !anAncestorInTheSetHasFigures;

    /// <summary>The events of <paramref name="members"/> whose figures a total adds, by <see cref="Counts"/>.</summary>
    public static IReadOnlyList<Member> Counted(IReadOnlyCollection<Member> members)
    {
        var withFigures = members.Where(m => m.Estimate.HasFigures).Select(m => m.EventId).ToHashSet(StringComparer.Ordinal);
        return members.Where(m => Counts(m.Estimate.HasFigures, m.Ancestors.Any(withFigures.Contains))).ToList();
    }

    /// <summary>The estimate of a set of events together, each death counted once.</summary>
    public static CasualtyEstimate Total(IReadOnlyCollection<Member> members) =>
        CasualtyEstimate.Sum(Counted(members).Select(m => m.Estimate));

    /// <summary>
    /// The estimate of a set from the tally of all its events and the tally of those <see cref="Counts"/>
    /// leaves out (events with figures under an enclosing event of the set that has figures).
    /// </summary>
    public static CasualtyEstimate Total(CasualtyTally all, CasualtyTally leftOut) => (all - leftOut).ToEstimate();
}
