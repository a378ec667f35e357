using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace ConflictGraph.Api.Caching;

/// <summary>
/// Writes a read's key field after field into one buffer (on the stack, or rented when it grows), then makes the
/// string in one allocation. Every field writes itself so that it ends where a reader would know it ends, whatever
/// characters it holds: a text is its length, <c>:</c> and its characters; a number its digits and <c>.</c>; a flag
/// <c>t</c> or <c>f</c>; nothing (null) <c>~</c>; a list its count, then its items. Fields follow in a fixed order
/// for each read, so two different arguments can never write the same key (<see cref="ReadKeys"/>).
/// </summary>
internal ref struct KeyWriter
{
    private Span<char> buffer;
    private char[]? rented;
    private int length;

    public KeyWriter(Span<char> initial)
    {
        buffer = initial;
        rented = null;
        length = 0;
    }

    /// <summary>The read's name and a bar: names are C# identifiers, so the bar ends them.</summary>
    public void Operation(string name)
    {
        Raw(name);
        Char('|');
    }

    public void Nothing() => Char('~');

    public void Text(string? value)
    {
        if (value is null)
        {
            Nothing();
            return;
        }
        Digits(value.Length);
        Char(':');
        Raw(value);
    }

    public void Number(long value)
    {
        Digits(value);
        Char('.');
    }

    public void Flag(bool value) => Char(value ? 't' : 'f');

    public void Flag(bool? value)
    {
        if (value is { } set) Flag(set);
        else Nothing();
    }

    public void Date(DateOnly? value)
    {
        if (value is { } date) Number(date.DayNumber);
        else Nothing();
    }

    public void Enum<T>(T value) where T : struct, System.Enum =>
        Number(Unsafe.SizeOf<T>() == sizeof(int) ? Unsafe.As<T, int>(ref value) : Convert.ToInt64(value, CultureInfo.InvariantCulture));

    public void Enums<T>(IReadOnlyCollection<T>? values) where T : struct, System.Enum
    {
        if (values is null)
        {
            Nothing();
            return;
        }
        Number(values.Count);
        foreach (var value in values) Enum(value);
    }

    public void Texts(IReadOnlyCollection<string>? values)
    {
        if (values is null)
        {
            Nothing();
            return;
        }
        Number(values.Count);
        foreach (var value in values) Text(value);
    }

    /// <summary>Starts a record that may be null (then write <see cref="Nothing"/> instead): its fields follow.</summary>
    public void Record() => Char('{');

    public override readonly string ToString() => new(buffer[..length]);

    /// <summary>The doorkeeper's fingerprint of what was written: the string's (<see cref="ReadAdmission.Fingerprint"/>), with no string made.</summary>
    public readonly long Fingerprint() => ReadAdmission.Fingerprint(buffer[..length]);

    /// <summary>Gives back the rented buffer, if it grew into one.</summary>
    public void Dispose()
    {
        if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        rented = null;
    }

    private void Digits(long value)
    {
        int written;
        while (!value.TryFormat(buffer[length..], out written, provider: CultureInfo.InvariantCulture)) Grow(20);
        length += written;
    }

    private void Char(char c)
    {
        if (length == buffer.Length) Grow(1);
        buffer[length++] = c;
    }

    private void Raw(string value)
    {
        if (buffer.Length - length < value.Length) Grow(value.Length);
        value.AsSpan().CopyTo(buffer[length..]);
        length += value.Length;
    }

    private void Grow(int needed)
    {
        var next = ArrayPool<char>.Shared.Rent(Math.Max(buffer.Length * 2, length + needed));
        buffer[..length].CopyTo(next);
        if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        rented = next;
        buffer = next;
    }
}
