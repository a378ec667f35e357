using System.Reflection;
using ConflictGraph.Core.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictGraph.Api.Tests.Infrastructure;

/// <summary>
/// A test host's real store behind a proxy of the test's own: <see cref="Install{TProxy}"/> puts the proxy in the
/// registered store's place, and <see cref="Forward"/> passes a call on to the real store unchanged (throwing the
/// store's own exception, not reflection's wrapper), whatever the interface grows to hold.
/// </summary>
public abstract class StoreProxy : DispatchProxy
{
    private IGraphStore inner = null!;

    /// <summary>Wraps the registered store of a test host in a <typeparamref name="TProxy"/>, set up by <paramref name="configure"/>.</summary>
    protected static void Install<TProxy>(IServiceCollection services, Action<TProxy> configure) where TProxy : StoreProxy
    {
        var registered = services.Last(d => d.ServiceType == typeof(IGraphStore));
        services.Remove(registered);
        services.AddSingleton(provider =>
        {
            var proxy = Create<IGraphStore, TProxy>();
            var self = (TProxy)(object)proxy;
            self.inner = (IGraphStore)registered.ImplementationFactory!(provider);
            configure(self);
            return proxy;
        });
    }

    /// <summary>The real store's answer to the call.</summary>
    protected object? Forward(MethodInfo method, object?[]? args)
    {
        try
        {
            return method.Invoke(inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}
