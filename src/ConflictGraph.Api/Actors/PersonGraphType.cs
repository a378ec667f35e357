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
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoleGraphType>>>>("roles").Description("Positions this person holds or held.").ResolveSource(s => s.Roles);
    }
}

public sealed class RoleGraphType : ObjectGraphType<Role>
{
    public RoleGraphType()
    {
        Name = "Role";
        Description = "A position a person holds, e.g. Pentagon press secretary.";
        Field<NonNullGraphType<StringGraphType>>("title").ResolveSource(s => s.Title);
        Field<OrganizationGraphType>("organization").Resolve(c => c.Loaders().Node(c.Source.OrganizationId));
        Field<CalendarDateGraphType>("since").ResolveSource(s => s.Since);
        Field<CalendarDateGraphType>("until").ResolveSource(s => s.Until);
    }
}
