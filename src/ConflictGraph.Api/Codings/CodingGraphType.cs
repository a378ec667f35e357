using ConflictGraph.Core.Codings;
using GraphQL.Types;

namespace ConflictGraph.Api.Codings;

/// <summary>The contract's <c>Coding</c>: an event kind or stance in an external scheme, from the core's one table.</summary>
public sealed class CodingGraphType : ObjectGraphType<Coding>
{
    public CodingGraphType()
    {
        Name = "Coding";
        Description = "A coding of an event or statement in an external scheme, so analysts can join and compare: ACLED_EVENT_TYPE and " +
                      "ACLED_SUB_EVENT_TYPE (ACLED's event_type / sub_event_type), UCDP_TYPE_OF_VIOLENCE, CAMEO, PLOVER and PLOVER_MODE. " +
                      "Schemes where no code fits the kind or stance are left out; codingTable says why.";
        Field<NonNullGraphType<StringGraphType>>("scheme").Description("The scheme, e.g. ACLED_EVENT_TYPE or CAMEO.").Resolve(c => c.Source.Scheme);
        Field<NonNullGraphType<StringGraphType>>("code").Description("The scheme's own code, e.g. 'Explosions/Remote violence' or '195'.").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("label").Description("What the code means, in words.").Resolve(c => c.Source.Label);
        Field<NonNullGraphType<StringGraphType>>("version").Description("The codebook the code was taken from, e.g. 'CAMEO Event and Actor Codebook 1.1b3'.")
            .Resolve(c => CodingTable.VersionOf(c.Source.Scheme));
    }
}

/// <summary>One cell of the coding table, coded or not.</summary>
public sealed class CodingTableRowGraphType : ObjectGraphType<CodingRow>
{
    public CodingTableRowGraphType()
    {
        Name = "CodingTableRow";
        Description = "How one event kind or stance codes in one scheme: its code, or, where none fits, why not.";
        Field<NonNullGraphType<StringGraphType>>("subject").Description("EVENT (an EventKind) or STATEMENT (a Stance).").Resolve(c => c.Source.Subject);
        Field<NonNullGraphType<StringGraphType>>("value").Description("The EventKind or Stance, e.g. DRONE_ATTACK.").Resolve(c => c.Source.Value);
        Field<NonNullGraphType<StringGraphType>>("scheme").Resolve(c => c.Source.Scheme);
        Field<NonNullGraphType<StringGraphType>>("version").Description("The codebook the row follows.")
            .Resolve(c => CodingTable.VersionOf(c.Source.Scheme));
        Field<StringGraphType>("code").Description("The code; null when no code of the scheme fits.").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("label").Description("What the code means, or why no code fits.").Resolve(c => c.Source.Label);
    }
}

public static class CodingQueries
{
    public static void AddCodingQueries(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CodingTableRowGraphType>>>>("codingTable")
            .Description("The one table behind Event.codings and Statement.codings: every event kind and stance in each external scheme, " +
                         "with the codebook version, and the reason wherever no code fits.")
            .Resolve(_ => CodingTable.Rows);
}
