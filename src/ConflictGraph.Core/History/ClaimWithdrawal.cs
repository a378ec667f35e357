namespace ConflictGraph.Core.History;

/// <summary>
/// A statement's position to take off one relation or one fact: a retraction or a correction.
/// Exactly one of <see cref="RelationId"/> and <see cref="FactId"/> names the target.
/// </summary>
public sealed record ClaimWithdrawal(string StatementId, string? RelationId, string? FactId)
{
    /// <summary>Null when the request names exactly one target; otherwise what is wrong, naming the arguments.</summary>
    public string? Problem => (RelationId, FactId) switch
    {
        (null, null) => "give relationId or factId: the relation or fact to withdraw the statement's position from",
        (not null, not null) => "give relationId or factId, not both: a withdrawal takes one statement's position off one relation or fact",
        _ => null,
    };

    public HistoryTarget Target => RelationId is not null ? HistoryTarget.Relation : HistoryTarget.Fact;

    public string TargetId => RelationId ?? FactId ?? throw new InvalidOperationException(Problem);
}
