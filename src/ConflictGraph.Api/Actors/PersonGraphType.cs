using ConflictGraph.Api.Schema;
using ConflictGraph.Core.Model;
using GraphQL.Types;

namespace ConflictGraph.Api.Actors;

public sealed class PersonGraphType : ObjectGraphType<Person>
{
    public PersonGraphType()
    {
        Name = "Person";
        Description = "A named individual.";
        Interface<NodeInterface>();
        Interface<ActorInterface>();
        IsTypeOf = NodeKeys.IsOfKind(NodeKind.Person);
        this.AddActorFields();
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoleGraphType>>>>("roles").Description("Positions this person holds or held.").Resolve(c => c.Source.Roles);
    }
}

public sealed class RoleGraphType : ObjectGraphType<Role>
{
    public RoleGraphType()
    {
        Name = "Role";
        Description = "A position a person holds, e.g. Pentagon press secretary.";
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<OrganizationGraphType>("organization").Resolve(c => c.Loaders().Node(c.Source.OrganizationId));
        Field<CalendarDateGraphType>("since").Resolve(c => c.Source.Since);
        Field<CalendarDateGraphType>("until").Resolve(c => c.Source.Until);
    }
}
