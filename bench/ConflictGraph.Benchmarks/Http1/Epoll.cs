using System.Runtime.InteropServices;

namespace ConflictGraph.Benchmarks.Http1;

/// <summary>
/// Linux's readiness notification for a set of sockets (epoll(7)), level-triggered on readability: each registered socket
/// carries a number of the caller's, handed back when the socket has bytes to read (or was closed by its peer).
/// </summary>
internal sealed class Epoll : IDisposable
{
    private const int CtlAdd = 1, In = 0x001, CloseOnExec = 0x80000, Interrupted = 4;
    private readonly int descriptor;

    public Epoll()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
            throw new PlatformNotSupportedException($"the loop load client needs epoll on Linux x86-64, not {RuntimeInformation.OSDescription} {RuntimeInformation.ProcessArchitecture}");
        descriptor = Create(CloseOnExec);
        if (descriptor < 0) throw new InvalidOperationException($"epoll_create1 failed: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>Watches <paramref name="socket"/> for readability; <paramref name="tag"/> comes back with its events. A closed socket leaves the set by itself.</summary>
    public void Add(System.Net.Sockets.Socket socket, int tag)
    {
        var change = new Event { Events = In, Data = (ulong)tag };
        if (Control(descriptor, CtlAdd, (int)socket.Handle, ref change) != 0)
            throw new InvalidOperationException($"epoll_ctl(ADD) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>Waits up to <paramref name="milliseconds"/> for readable sockets; their tags come back in <paramref name="events"/>.</summary>
    /// <returns>How many are readable (0: the time passed).</returns>
    public int Wait(Event[] events, int milliseconds)
    {
        while (true)
        {
            var ready = Wait(descriptor, events, events.Length, milliseconds);
            if (ready >= 0) return ready;
            var errno = Marshal.GetLastPInvokeError();
            if (errno != Interrupted) throw new InvalidOperationException($"epoll_wait failed: errno {errno}");
        }
    }

    public void Dispose() => CloseDescriptor(descriptor);

    /// <summary>struct epoll_event, packed on x86-64.</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    public struct Event
    {
        public uint Events;
        public ulong Data;
    }

    [DllImport("libc", EntryPoint = "epoll_create1", SetLastError = true)]
    private static extern int Create(int flags);

    [DllImport("libc", EntryPoint = "epoll_ctl", SetLastError = true)]
    private static extern int Control(int epoll, int operation, int descriptor, ref Event change);

    [DllImport("libc", EntryPoint = "epoll_wait", SetLastError = true)]
    private static extern int Wait(int epoll, [Out] Event[] events, int count, int milliseconds);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int CloseDescriptor(int descriptor);
}
