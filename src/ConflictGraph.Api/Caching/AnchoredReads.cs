using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Api.Caching;

/// <summary>
/// Which reads are anchored at given ids: their cost is bounded by their answer, so where a read from the store is cheap
/// (SQLite's file) the read cache leaves them to it (<see cref="CachingSetup.KeepsAnchoredReads"/>). They are nodes by id,
/// the relations of given nodes, a query level's expansion (its relations, their far ends and its nodes by id), and the
/// pages <see cref="Page"/> names. What is costly to read again stays kept: list pages with filters, counts, searches,
/// paths and aggregates.
/// </summary>
public static class AnchoredReads
{
    /// <summary>
    /// True for a page of the statements about one node or by one speaker (an event's statements, a person's), with no
    /// other criterion and no total: the store reads them through that node's index and stops at the page's last item,
    /// so the page costs what it holds. A page with a total counts every statement, and one with any other filter may
    /// pass over statements it does not hold: both stay kept.
    /// </summary>
    public static bool Page(NodeQuery query, PageRequest page) =>
        !page.ReadsTotal && query is { Kinds: [NodeKind.Statement], Ids: null, Text: null, OrganizationKinds: null, PlaceKinds: null, WithinPlaceId: null, Events: null }
        && query.Statements is { Anonymous: null, OrganizationId: null, ActorId: null, Stances: null, SourceId: null } statements
        && (statements.AboutId is null) != (statements.SpeakerId is null);
}
