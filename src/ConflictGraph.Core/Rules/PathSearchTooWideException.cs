using System.Globalization;

namespace ConflictGraph.Core.Rules;

/// <summary>
/// A path search was refused: from both ends, a level of the search held more than
/// <see cref="TraversalLimits.MaxPathFrontier"/> open paths before the paths of <see cref="Length"/> were complete, so
/// no answer could be shown to be the first in <see cref="ShortestPaths.Order"/>. Every shorter path was complete.
/// </summary>
public sealed class PathSearchTooWideException(string fromId, string toId, int length) : Exception(Describe(fromId, toId, length))
{
    /// <summary>The length whose paths could not be taken whole.</summary>
    public int Length { get; } = length;

    private static string Describe(string fromId, string toId, int length) => string.Create(CultureInfo.InvariantCulture,
        $"the paths from '{fromId}' to '{toId}' of length {length} need more than {TraversalLimits.MaxPathFrontier:N0} open paths kept from each end, more than a search holds; ") +
        (length > 1 ? string.Create(CultureInfo.InvariantCulture, $"paths up to length {length - 1} are complete: ask maxDepth: {length - 1}") : "no shorter search exists");
}
