using GraphQL.Types;
using GraphQL.Utilities;

namespace ConflictGraph.Api.Schema;

/// <summary>
/// Describes the domain enums in the served schema. The enums live in the core, free of any
/// framework attribute, and several features share one enum type, so their descriptions are
/// given here once rather than at each field that uses them.
/// </summary>
public sealed class EnumDescriptions : BaseSchemaNodeVisitor
{
    private static readonly Dictionary<string, string> Types = new()
    {
        ["NodeKind"] = "What a node is: an actor (person or organization), a place, an event, a statement or a source.",
        ["DatePrecision"] = "How finely a source gave a date: DAY, DAYS (within a few days, UCDP's date_prec 2), WEEK, MONTH or YEAR.",
        ["Direction"] = "Which way relations run from a node: OUTGOING from it, INCOMING to it, or BOTH.",
        ["ChainDirection"] = "Which way to follow an escalation chain: BACKWARD to what provoked an event, FORWARD to what answered it, or BOTH.",
        ["OrganizationKind"] = "What sort of organization: a state, a government body, a military, an armed group, and so on.",
        ["PlaceKind"] = "What sort of place: a country, a region, a city, a site such as a facility or base, a border area.",
        ["EventKind"] = "What sort of event: an airstrike, a rocket or drone attack, a killing, a clash, a protest, and so on.",
        ["Stance"] = "What a statement does with what it is about: asserts or denies it, condemns, accuses, defends, threatens, warns, calls for, or just reports.",
        ["Medium"] = "How a statement was made: a press briefing, a press release, social media, an interview, and so on.",
        ["RelationType"] = "The kind of a relation; each joins only certain node kinds (CARRIED_OUT runs from an actor to an event, LOCATED_IN from a place to a place, ...).",
        ["ClaimStatus"] = "How well a relation or fact is supported, from the statements that claim and dispute it.",
        ["ClaimPosition"] = "A statement's position on a relation or fact: it CLAIMS it or DISPUTES it.",
        ["DateExtent"] = "Whether a date range holds one MOMENT somewhere inside it, or a PERIOD that lasted through it.",
        ["LocationPrecision"] = "How precisely a place is located (after UCDP's where_prec): EXACT spot; NEAR a named spot; ADMIN2 / ADMIN1 district or province; REGION, part of a country or a border area; COUNTRY.",
        ["VictimCategory"] = "Who the casualties were, for counting: civilians, combatants, security forces, contractors, or unknown.",
        ["SourceKind"] = "What sort of document a source is: a news report, an official release, a social media post, a video, a monitor's report, or other.",
        ["ChangeKind"] = "What a write did to a node or relation: created, updated or deleted it.",
        ["EventDimension"] = "What eventAggregate groups events by: TIME (a bucket of their start date), KIND, PLACE (the containing place of a kind), " +
                             "PERPETRATOR, TARGET, or ACLED_EVENT_TYPE (the kind's ACLED event type).",
        ["TimeBucket"] = "A span of the calendar events are grouped by: DAY, WEEK (ISO, Monday to Sunday), MONTH, QUARTER or YEAR.",
        ["HistoryKind"] = "What a change-log entry records: a node created, updated or deleted; a relation or fact created or deleted; a statement's claim added, changed or withdrawn.",
        ["EventOrder"] = "Order of an event list by date: earliest first (DATE_ASC) or latest first (DATE_DESC).",
    };

    private static readonly Dictionary<(string Type, string Value), string> Values = new()
    {
        [("HistoryKind", "NODE_CREATED")] = "A node appeared; after holds its fields.",
        [("HistoryKind", "NODE_DELETED")] = "A node was deleted; before holds its fields.",
        [("HistoryKind", "NODE_UPDATED")] = "A node's fields changed; before holds what they were.",
        [("HistoryKind", "RELATION_CREATED")] = "A relation appeared, with its first claims (in after).",
        [("HistoryKind", "RELATION_DELETED")] = "A relation went with a node it joined; before holds it with every claim it had.",
        [("HistoryKind", "FACT_CREATED")] = "A fact appeared, with its first claims (in after).",
        [("HistoryKind", "FACT_DELETED")] = "A fact went with its subject; before holds it with every claim it had.",
        [("HistoryKind", "CLAIM_ADDED")] = "A statement took a position on an existing relation or fact.",
        [("HistoryKind", "CLAIM_CHANGED")] = "A statement's position or characterization changed.",
        [("HistoryKind", "CLAIM_WITHDRAWN")] = "A statement's position was withdrawn (withdrawClaim), or went with the statement's deletion.",
        [("ClaimStatus", "UNCONTESTED")] = "At least one statement claims it and none disputes it.",
        [("ClaimStatus", "DISPUTED")] = "Statements both claim and dispute it.",
        [("ClaimStatus", "DENIED")] = "Only disputed: no statement claims it.",
        [("ClaimStatus", "UNSOURCED")] = "Entered without any statement behind it.",
        [("RelationType", "CARRIED_OUT")] = "An actor carried out an event.",
        [("RelationType", "TARGETED")] = "An event was aimed at an actor or a place.",
        [("RelationType", "OCCURRED_IN")] = "An event happened at a place.",
        [("RelationType", "RETALIATION_FOR")] = "A later event punishes an earlier one: only for what a speaker calls a retaliation.",
        [("RelationType", "RESPONSE_TO")] = "An event immediately answers another, e.g. return fire.",
        [("RelationType", "PART_OF")] = "An event belongs to a larger one, or an organization to a larger one.",
        [("RelationType", "KILLED")] = "An event killed a person.",
        [("RelationType", "MEMBER_OF")] = "A person belongs to an organization.",
        [("RelationType", "BACKED_BY")] = "An actor is backed by another, e.g. a militia by a state.",
        [("RelationType", "USED")] = "An actor used a place, e.g. a facility.",
        [("RelationType", "LOCATED_IN")] = "A place lies in another.",
        [("RelationType", "BASED_IN")] = "An actor is based at a place.",
        [("RelationType", "AUTHORIZED")] = "An actor ordered or approved an event.",
        [("RelationType", "PRESENT_AT")] = "An actor's people were at a place.",
        [("RelationType", "ASSOCIATED_WITH")] = "An actor took part in an event alongside its perpetrator (ACLED's associated actor).",
    };

    public override void VisitEnum(EnumerationGraphType type, ISchema schema)
    {
        if (type.Description is null && Types.TryGetValue(type.Name, out var description)) type.Description = description;
    }

    public override void VisitEnumValue(EnumValueDefinition value, EnumerationGraphType type, ISchema schema)
    {
        if (value.Description is null && Values.TryGetValue((type.Name, value.Name), out var description)) value.Description = description;
    }
}
