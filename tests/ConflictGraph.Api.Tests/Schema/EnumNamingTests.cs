using ConflictGraph.Api.Tests.Infrastructure;
using ConflictGraph.Core.Model;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictGraph.Api.Tests.Schema;

/// <summary>
/// The wire name of every domain enum value is the one the core's EnumNames gives, so the API,
/// seed files and stores spell each value alike.
/// </summary>
public sealed class EnumNamingTests(ConflictGraphApp app) : IClassFixture<ConflictGraphApp>
{
    [Fact]
    public void EveryServedDomainEnumValueIsNamedByTheCore()
    {
        var schema = app.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var domainEnums = schema.AllTypes.OfType<EnumerationGraphType>()
            .Where(e => e.Values.Any(v => v.Value?.GetType().Namespace == typeof(NodeKind).Namespace)).ToList();
        Assert.True(domainEnums.Count >= 12, $"only {domainEnums.Count} domain enums are served");
        var misnamed = domainEnums.SelectMany(e => e.Values)
            .Where(v => v.Value is Enum value && v.Name != EnumNames.Of(value))
            .Select(v => $"{v.Name} for {v.Value}").ToList();
        Assert.Empty(misnamed);
    }

    [Fact]
    public void ClaimStatusValuesExplainThemselves()
    {
        var schema = app.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var status = Assert.IsAssignableFrom<EnumerationGraphType>(schema.AllTypes["ClaimStatus"]);
        Assert.NotNull(status.Description);
        Assert.All(status.Values, v => Assert.False(string.IsNullOrWhiteSpace(v.Description), $"{v.Name} has no description"));
    }
}
