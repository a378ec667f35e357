using ConflictGraph.Api.Places;
using ConflictGraph.Api.Relations;
using ConflictGraph.Api.Schema;
using ConflictGraph.Core.Model;
using GraphQL.Types;

namespace ConflictGraph.Api.Actors;

public sealed class OrganizationGraphType : ObjectGraphType<Organization>
{
    public OrganizationGraphType()
    {
        Name = "Organization";
        Description = "A state, government body, military, armed group, party, NGO or news organization.";
        Interface<NodeInterface>();
        Interface<ActorInterface>();
        IsTypeOf = NodeKeys.IsOfKind(NodeKind.Organization);
        this.AddActorFields();
        Field<NonNullGraphType<EnumerationGraphType<OrganizationKind>>>("kind").Resolve(c => c.Source.OrganizationKind);
        Field<PlaceGraphType>("country").Description("The country it belongs to.").Resolve(c => c.Loaders().Node(c.Source.CountryId));
        Field<OrganizationGraphType>("parent").Description("The organization this one is part of (PART_OF).")
            .Resolve(c => c.Loaders().Neighbor(c.Source.Id, Direction.Outgoing, RelationType.PartOf));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganizationGraphType>>>>("subunits").Description("Organizations that are part of this one.")
            .Resolve(c => c.Loaders().Neighbors(c.Source.Id, Direction.Incoming, RelationType.PartOf));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PersonGraphType>>>>("members").Description("People who are members (MEMBER_OF).")
            .Resolve(c => c.Loaders().Neighbors(c.Source.Id, Direction.Incoming, RelationType.MemberOf));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationGraphType>>>>("backers")
            .Description("Who backs this actor (BACKED_BY relations), with who claims so.")
            .Resolve(c => c.Loaders().Relations(c.Source.Id, Direction.Outgoing, RelationType.BackedBy));
    }
}
