using ConflictGraph.Api.Caching;
using ConflictGraph.Api.Diagnostics;
using ConflictGraph.Api.Limits;
using ConflictGraph.Api.Schema;
using ConflictGraph.Api.Tests.Infrastructure;
using ConflictGraph.Api.Validation;
using GraphQL;
using GraphQL.DI;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictGraph.Api.Tests.Schema;

/// <summary>
/// Our steps around every operation run as one of GraphQL.NET's execution steps, in their order, each calling the next
/// directly; the cost report is among them only when it is configured on.
/// </summary>
public sealed class OperationStepsTests
{
    private sealed class Step(string name, float order, List<string> ran, bool runs = true) : IOperationStep
    {
        public float Order => order;

        public bool Runs => runs;

        public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
        {
            ran.Add(name);
            return next(options);
        }
    }

    private static Type[] Running(ConflictGraphApp app) =>
        [.. app.Services.GetServices<IConfigureExecution>().OfType<OperationSteps>().Single().Running.Select(step => step.GetType())];

    [Fact]
    public async Task StepsRunLowestOrderFirstThenTheNextGraphQLNetStepAndOnesThatDoNotRunAreLeftOut()
    {
        var ran = new List<string>();
        var steps = new OperationSteps([new Step("limits", 250, ran), new Step("deadline", 0, ran), new Step("off", 100, ran, runs: false)]);
        ExecutionDelegate core = _ =>
        {
            ran.Add("core");
            return Task.FromResult(new ExecutionResult());
        };
        ExecutionDelegate other = _ =>
        {
            ran.Add("other");
            return Task.FromResult(new ExecutionResult());
        };

        await steps.ExecuteAsync(new ExecutionOptions(), core);
        await steps.ExecuteAsync(new ExecutionOptions(), core);
        await steps.ExecuteAsync(new ExecutionOptions(), other);

        Assert.Equal(["deadline", "limits", "core", "deadline", "limits", "core", "deadline", "limits", "other"], ran);
    }

    [Fact]
    public void TheServiceRunsItsStepsAsOneGraphQLNetStepInTheirOrder()
    {
        using var app = new ConflictGraphApp();

        Assert.Equal([typeof(ExecutionDeadline), typeof(ErrorListCap), typeof(ValidationRuleLists), typeof(DocumentCache), typeof(DocumentLimits)], Running(app));
        Assert.DoesNotContain(app.Services.GetServices<IConfigureExecution>(), configuration => configuration is IOperationStep);
    }

    [Fact]
    public async Task TheCostReportRunsOnlyWhenConfiguredOn()
    {
        await using var plain = new ConflictGraphApp();
        await using var measured = ConflictGraphApp.With(new Dictionary<string, string?> { ["ConflictGraph:Diagnostics:Cost"] = "true" });

        var unmeasured = await plain.PostGraphQLAsync("{ stats { nodes } }");
        var reported = await measured.PostGraphQLAsync("{ stats { nodes } }");

        Assert.DoesNotContain(typeof(CostReport), Running(plain));
        Assert.Equal(typeof(CostReport), Running(measured)[^1]);
        Assert.Null(unmeasured.Body["extensions"]?["cost"]);
        Assert.Equal(1, reported.Body["extensions"]!["cost"]!["storeCalls"]!.GetValue<int>());
        Assert.Equal(unmeasured.Data!.ToJsonString(), reported.Data!.ToJsonString());
    }
}
