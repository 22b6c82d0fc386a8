using RiskSim.Core.Engine;
using RiskSim.Core.Random;
using RiskSim.Core.Sampling;

namespace RiskSim.Tests.Engine;

/// <summary>
/// The unadjusted world (realisation factor at plan) computed inside the trial pass equals, bit
/// for bit, a separate pass with the factor held at plan, for any thread count and block size;
/// and the main world is unchanged by computing it.
/// </summary>
public sealed class UnadjustedWorldTests
{
    [Theory]
    [InlineData(1, 4096, SamplingMode.MonteCarlo)]
    [InlineData(2, 37, SamplingMode.MonteCarlo)]
    [InlineData(2, 64, SamplingMode.LatinHypercube)]
    public void One_pass_equals_two_passes(int threads, int blockSize, SamplingMode sampling)
    {
        var model = EngineTestData.Staffordshire;
        Assert.True(model.RealisationInput >= 0);
        var options = new RunOptions(300, 11, threads, Sampling: sampling, BlockSize: blockSize);
        string factor = model.Inputs[model.RealisationInput].Name;

        var main = new CollectingSink();
        var separateMain = new CollectingSink();
        var together = new CollectingSink();
        var separate = new CollectingSink();
        StochasticRunner.Run(model, options, [main], unadjustedSinks: [together]);
        StochasticRunner.Run(model, options, [separateMain]);
        StochasticRunner.Run(model, options with { HeldAtPlan = [factor] }, [separate]);

        Assert.Equal(separateMain.Bits().Yearly, main.Bits().Yearly);
        Assert.Equal(separateMain.Bits().Breakeven, main.Bits().Breakeven);
        Assert.Equal(separate.Bits().Yearly, together.Bits().Yearly);
        Assert.Equal(separate.Bits().Breakeven, together.Bits().Breakeven);
        Assert.Equal(separate.Bits().Inputs, together.Bits().Inputs);

        // The factor is sampled, so the two worlds must differ somewhere (the test can fail).
        Assert.NotEqual(main.Bits().Yearly, together.Bits().Yearly);
    }

    [Fact]
    public void A_model_without_a_realisation_factor_refuses_unadjusted_sinks()
    {
        var model = EngineTestData.Compile(EngineTestData.Smallshire);
        Assert.True(model.RealisationInput < 0);
        Assert.Throws<ArgumentException>(() =>
            StochasticRunner.Run(model, new RunOptions(10, 1, 1), [new CollectingSink()], unadjustedSinks: [new CollectingSink()]));
    }

    [Fact]
    public void The_binomial_log_cache_gives_the_uncached_draw_bit_for_bit()
    {
        // One cache reused across changing and repeating p (both sides of ½, both search directions).
        var rng = Xoshiro256StarStar.ForTrial(3, 0);
        var cache = BinomialLogCache.Empty;
        double[] ps = [0.03, 0.03, 0.35, 0.5, 0.97, 0.97, 1e-9, 0.6, 0.03];
        for (int i = 0; i < 20_000; i++)
        {
            double p = ps[i % ps.Length];
            int n = (int)(rng.NextDouble() * 400);
            double u = rng.NextDouble();
            Assert.Equal(DiscreteInverse.Binomial(u, n, p), DiscreteInverse.Binomial(u, n, p, ref cache));
        }
    }
}
