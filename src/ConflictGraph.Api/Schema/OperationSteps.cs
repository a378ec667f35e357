using GraphQL;
using GraphQL.DI;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConflictGraph.Api.Schema;

/// <summary>
/// One of our steps around every operation, over HTTP or WebSocket: the deadline, the error cap, the rule lists, the
/// document cache, the document limits, the cost report. <see cref="OperationSteps"/> runs them.
/// </summary>
public interface IOperationStep
{
    /// <summary>Where the step runs among ours: the lowest first.</summary>
    float Order { get; }

    /// <summary>Whether this service runs the step at all; asked once, when the steps are chained.</summary>
    bool Runs => true;

    Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next);
}

/// <summary>
/// Our steps as one of GraphQL.NET's execution steps. GraphQL.NET wraps every step it is given in an async method of
/// its own; ours are chained here once, each calling the next directly, so an operation passes through one such
/// wrapper for all of them. They run after GraphQL.NET's option steps (the default schema, the unhandled-error
/// handler), which only set options.
/// </summary>
public sealed class OperationSteps(IEnumerable<IOperationStep> steps) : IConfigureExecution
{
    private sealed record Chain(ExecutionDelegate Next, ExecutionDelegate First);

    private readonly IOperationStep[] running = [.. steps.Where(step => step.Runs).OrderBy(step => step.Order)];
    private Chain? chain;

    /// <summary>After GraphQL.NET's option steps (100), before anything registered as a "use" step (200).</summary>
    public float SortOrder => 150;

    /// <summary>The steps an operation passes through, in order.</summary>
    public IReadOnlyList<IOperationStep> Running => running;

    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        // GraphQL.NET hands every operation the same next step; the chain is made again only if it did not.
        var current = chain;
        if (current is null || !ReferenceEquals(current.Next, next)) chain = current = Compose(next);
        return current.First(options);
    }

    private Chain Compose(ExecutionDelegate next)
    {
        var first = next;
        for (var i = running.Length - 1; i >= 0; i--)
        {
            var step = running[i];
            var after = first;
            first = options => step.ExecuteAsync(options, after);
        }
        return new Chain(next, first);
    }
}

public static class OperationStepRegistration
{
    /// <summary>Registers <typeparamref name="TStep"/> once, as itself and as one of the steps every operation runs.</summary>
    public static IServiceCollection AddOperationStep<TStep>(this IServiceCollection services) where TStep : class, IOperationStep
    {
        services.AddSingleton<TStep>();
        services.AddSingleton<IOperationStep>(provider => provider.GetRequiredService<TStep>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureExecution, OperationSteps>());
        return services;
    }
}
