using System.Net;
using System.Net.Sockets;

namespace ConflictGraph.Benchmarks.Http1;

/// <summary>
/// One keep-alive HTTP/1.1 connection on a non-blocking socket, for a client that waits for many connections at once (an
/// epoll loop, or .NET's own socket engine): the caller sends a request, waits until the socket is readable, then
/// <see cref="Read"/> parses the answer with <see cref="ResponseReader"/> from the bytes the kernel holds. An answer that has
/// not fully arrived when its first bytes are read (the server wrote it in parts) is waited for on this socket alone, each
/// wait bounded by the timeout, and counted in <see cref="Stalls"/>. Every byte of every answer is read, as the blocking
/// connection reads it.
/// </summary>
public sealed class NonBlockingConnection(EndPoint server, TimeSpan timeout) : IDisposable
{
    private Socket? socket;
    private ResponseReader? reader;
    private SocketReads? reads;

    public Socket? Socket => socket;

    /// <summary>Times an answer's next bytes had not arrived when the parser asked for them.</summary>
    public long Stalls => reads?.Stalls ?? 0;

    /// <summary>Connects (blocking) if it is not open; true when it opened a new socket (to be registered with a poller).</summary>
    public bool Open()
    {
        if (socket is not null) return false;
        socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Connect(server);
            socket.Blocking = false;
        }
        catch
        {
            Close();
            throw;
        }
        reads = new SocketReads(socket, timeout, server, reads?.Stalls ?? 0);
        reader = new ResponseReader(reads);
        return true;
    }

    /// <summary>Sends all of <paramref name="request"/>, waiting for room in the socket's buffer when it is full.</summary>
    public void Send(ReadOnlySpan<byte> request)
    {
        var sending = socket ?? throw new InvalidOperationException("the connection is not open");
        while (request.Length > 0)
        {
            var sent = sending.Send(request, SocketFlags.None, out var error);
            if (error == SocketError.WouldBlock)
            {
                if (!sending.Poll(timeout, SelectMode.SelectWrite)) throw TimedOut(server, timeout);
                continue;
            }
            if (error != SocketError.Success) throw new SocketException((int)error);
            request = request[sent..];
        }
    }

    /// <summary>Reads one whole answer; the connection is closed after an answer that closes it (or a failure).</summary>
    public Answer Read(bool head = false)
    {
        try
        {
            var answer = reader!.Read(head);
            if (!answer.KeepAlive) Close();
            return answer;
        }
        catch
        {
            Close();
            throw;
        }
    }

    internal static TimeoutException TimedOut(EndPoint server, TimeSpan timeout) =>
        new($"no answer from {server}: nothing sent or received for {timeout.TotalSeconds:F1} s");

    public void Close()
    {
        socket?.Dispose();
        (socket, reader) = (null, null);
    }

    public void Dispose() => Close();

    /// <summary>The socket as the parser's stream: what the kernel holds now, else a wait on this socket (a stall).</summary>
    private sealed class SocketReads(Socket socket, TimeSpan timeout, EndPoint server, long stalls) : Stream
    {
        public long Stalls { get; private set; } = stalls;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            while (true)
            {
                var read = socket.Receive(buffer, SocketFlags.None, out var error);
                if (error == SocketError.Success) return read;
                if (error != SocketError.WouldBlock) throw new SocketException((int)error);
                Stalls++;
                if (!socket.Poll(timeout, SelectMode.SelectRead)) throw TimedOut(server, timeout);
            }
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
