using System.Buffers.Binary;
using System.Reflection;
using MathNet.Numerics.Distributions;
using RiskSim.Core.Random;

namespace RiskSim.Tests.Random;

/// <summary>Tests of <see cref="RandomAdapter"/>.</summary>
public class RandomAdapterTests
{
    [Fact]
    public void EveryVirtualMemberOfSystemRandom_IsOverridden()
    {
        // If a future runtime adds a virtual member, its base implementation would use the base
        // class's own generator; this test then fails until the adapter overrides it.
        const BindingFlags Flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var missing = typeof(System.Random).GetMethods(Flags)
            .Where(m => m.IsVirtual && !m.IsFinal && (m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly))
            .Where(m => typeof(RandomAdapter).GetMethod(m.Name, Flags, m.GetParameters().Select(p => p.ParameterType).ToArray())?.DeclaringType != typeof(RandomAdapter))
            .Select(m => m.ToString())
            .ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void NextDouble_IsTheXoshiroStream()
    {
        var g = Xoshiro256StarStar.ForTrial(1, 2);
        var adapter = new RandomAdapter(g);
        for (int i = 0; i < 1000; i++)
        {
            Assert.Equal(g.NextDouble(), adapter.NextDouble());
        }

        Assert.Equal(g, adapter.State);
    }

    [Fact]
    public void MathNetNormalSample_HasMeanWithinFourStandardErrorsAndSdWithinTwoPercent()
    {
        // Mean of n standard normals: SE = 1 / sqrt(n) = 0.00316 for n = 10^5. The sample sd has
        // SE about 1 / sqrt(2n) = 0.0022, so 2% is a loose (about 9 SE) bound.
        const int N = 100_000;
        var adapter = new RandomAdapter(Xoshiro256StarStar.ForTrial(31, 0));
        double sum = 0, sumSq = 0;
        for (int i = 0; i < N; i++)
        {
            double x = Normal.Sample(adapter, 0.0, 1.0);
            sum += x;
            sumSq += x * x;
        }

        double mean = sum / N;
        double sd = Math.Sqrt((sumSq - (sum * sum / N)) / (N - 1));
        Assert.InRange(mean, -4.0 / Math.Sqrt(N), 4.0 / Math.Sqrt(N));
        Assert.InRange(sd, 0.98, 1.02);
    }

    [Fact]
    public void TwoAdaptersResetToTheSameState_GiveIdenticalSequences()
    {
        var a = new RandomAdapter(Xoshiro256StarStar.ForTrial(9, 9));
        var b = new RandomAdapter(Xoshiro256StarStar.ForTrial(10, 10));
        _ = a.NextDouble();
        _ = b.Next();

        var start = Xoshiro256StarStar.ForTrial(2025, 17);
        a.Reset(start);
        b.State = start; // the same thing through the ref property

        var bytesA = new byte[13];
        var bytesB = new byte[13];
        for (int i = 0; i < 200; i++)
        {
            Assert.Equal(a.NextDouble(), b.NextDouble());
            Assert.Equal(a.Next(), b.Next());
            Assert.Equal(a.Next(1000), b.Next(1000));
            Assert.Equal(a.Next(-50, 50), b.Next(-50, 50));
            Assert.Equal(a.NextInt64(), b.NextInt64());
            Assert.Equal(a.NextInt64(1L << 40), b.NextInt64(1L << 40));
            Assert.Equal(a.NextInt64(-5, 5), b.NextInt64(-5, 5));
            Assert.Equal(a.NextSingle(), b.NextSingle());
            a.NextBytes(bytesA);
            b.NextBytes(bytesB);
            Assert.Equal(bytesA, bytesB);
            Assert.Equal(Normal.Sample(a, 3, 2), Normal.Sample(b, 3, 2));
            Assert.Equal(Gamma.Sample(a, 2.5, 1.5), Gamma.Sample(b, 2.5, 1.5));
        }

        Assert.Equal(a.State, b.State);
    }

    [Fact]
    public void State_IsByReference_AndAdvancesWithTheAdapter()
    {
        var start = Xoshiro256StarStar.ForTrial(3, 4);
        var adapter = new RandomAdapter(start);
        var copy = start;
        _ = adapter.NextDouble();
        _ = copy.NextUInt64();
        Assert.Equal(copy, adapter.State);

        ref Xoshiro256StarStar state = ref adapter.State;
        double direct = state.NextDouble(); // advancing through the reference moves the adapter
        Assert.Equal(copy.NextDouble(), direct);
        Assert.Equal(copy.NextDouble(), adapter.NextDouble());
    }

    [Fact]
    public void NextBytes_IsLittleEndianOutputs_WithTheLowBytesOfOneMoreForATail()
    {
        var g = Xoshiro256StarStar.ForTrial(77, 1);
        var adapter = new RandomAdapter(g);
        var buffer = new byte[19];
        adapter.NextBytes(buffer);

        var expected = new byte[24];
        for (int i = 0; i < 3; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(expected.AsSpan(8 * i), g.NextUInt64());
        }

        Assert.Equal(expected.AsSpan(0, 19).ToArray(), buffer);
        Assert.Equal(g, adapter.State);

        adapter.NextBytes(Span<byte>.Empty);
        Assert.Equal(g, adapter.State);
    }

    [Fact]
    public void BoundedIntegers_StayInRange_IncludingExtremeBounds()
    {
        var adapter = new RandomAdapter(Xoshiro256StarStar.ForTrial(5, 0));
        for (int i = 0; i < 10_000; i++)
        {
            Assert.InRange(adapter.Next(), 0, int.MaxValue - 1);
            Assert.InRange(adapter.Next(7), 0, 6);
            Assert.InRange(adapter.Next(-3, 4), -3, 3);
            Assert.InRange(adapter.Next(int.MinValue, int.MaxValue), int.MinValue, int.MaxValue - 1);
            Assert.InRange(adapter.NextInt64(), 0, long.MaxValue - 1);
            Assert.InRange(adapter.NextInt64(long.MinValue, long.MaxValue), long.MinValue, long.MaxValue - 1);
            Assert.InRange(adapter.NextSingle(), 0f, 0.99999994f);
        }

        Assert.Equal(0, adapter.Next(0));
        Assert.Equal(0, adapter.Next(1));
        Assert.Equal(5, adapter.Next(5, 5));
        Assert.Equal(5, adapter.Next(5, 6));
        Assert.Equal(0L, adapter.NextInt64(0));
        Assert.Equal(-9L, adapter.NextInt64(-9, -9));

        Assert.Throws<ArgumentOutOfRangeException>(() => adapter.Next(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => adapter.Next(2, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => adapter.NextInt64(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => adapter.NextInt64(2, 1));
        Assert.Throws<ArgumentNullException>(() => adapter.NextBytes((byte[])null!));
    }

    [Fact]
    public void NextOfTen_PassesChiSquare()
    {
        // 100 000 draws of Next(10): Pearson chi-square with 9 degrees of freedom; its 0.999
        // quantile is 27.877 (MathNet: ChiSquared.InvCDF(9, 0.999)).
        const int N = 100_000;
        var adapter = new RandomAdapter(Xoshiro256StarStar.ForTrial(10, 10));
        var counts = new int[10];
        for (int i = 0; i < N; i++)
        {
            counts[adapter.Next(10)]++;
        }

        double chi2 = counts.Sum(c => (c - (N / 10.0)) * (c - (N / 10.0)) / (N / 10.0));
        Assert.True(chi2 < ChiSquared.InvCDF(9, 0.999), $"chi2 = {chi2}");
    }

    [Fact]
    public void AllZeroState_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => new RandomAdapter(default));
        var adapter = new RandomAdapter(Xoshiro256StarStar.ForTrial(1, 1));
        Assert.Throws<ArgumentException>(() => adapter.Reset(default));
    }

    [Fact]
    public void ResetAndDrawing_DoNotAllocate()
    {
        var adapter = new RandomAdapter(Xoshiro256StarStar.ForTrial(1, 1));
        double sink = 0;

        void Run()
        {
            for (long t = 0; t < 1000; t++)
            {
                adapter.Reset(Xoshiro256StarStar.ForTrial(8, t));
                sink += adapter.NextDouble() + adapter.Next(100) + Normal.Sample(adapter, 0, 1);
            }
        }

        Run(); // warm up (JIT)
        long before = GC.GetAllocatedBytesForCurrentThread();
        Run();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.NotEqual(0.0, sink);
    }
}
