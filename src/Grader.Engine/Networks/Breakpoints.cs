namespace Grader.Engine.Networks;

/// <summary>
/// The kinks of a one-input network built from identity, ReLU and LUre units: between two consecutive breakpoints
/// (and beyond the outermost ones) the network is affine, so two such networks are the same function exactly when they
/// agree at every breakpoint of both and at one point beyond each end.
/// </summary>
public static class Breakpoints
{
    /// <summary>The sorted x where some unit's pre-activation crosses 0 with a change of slope.</summary>
    public static IReadOnlyList<double> Of(FeedForwardNetwork network)
    {
        if (network.InputSize != 1)
        {
            throw new ArgumentException($"breakpoints need a one-input network, this one takes {network.InputSize}", nameof(network));
        }
        // Each interval carries every current unit as an affine function slope·x + intercept.
        var intervals = new List<Interval> { new(double.NegativeInfinity, double.PositiveInfinity, [(1.0, 0.0)]) };
        foreach (var layer in network.Layers)
        {
            if (layer.Activation.Name is not ("identity" or "relu" or "lure"))
            {
                throw new ArgumentException($"breakpoints need identity, relu or lure units, not {layer.Activation.Name}", nameof(network));
            }
            intervals = intervals.SelectMany(interval => Split(interval, layer)).ToList();
        }
        return intervals.Skip(1).Select(interval => interval.Low).Distinct().Order().ToList();
    }

    private static IEnumerable<Interval> Split(Interval interval, Layer layer)
    {
        var z = PreActivations(interval.Units, layer);
        var cuts = new SortedSet<double>();
        if (layer.Activation.Name != "identity")
        {
            foreach (var (slope, intercept) in z)
            {
                var root = -intercept / slope;
                if (slope != 0 && root > interval.Low && root < interval.High)
                {
                    cuts.Add(root);
                }
            }
        }
        var low = interval.Low;
        foreach (var cut in cuts.Append(interval.High))
        {
            var probe = Probe(low, cut);
            yield return new Interval(low, cut, z.Select(unit => Activate(unit, probe, layer.Activation.Name)).ToArray());
            low = cut;
        }
    }

    private static (double Slope, double Intercept)[] PreActivations((double Slope, double Intercept)[] units, Layer layer)
    {
        var count = layer.Weights?.Rows ?? units.Length;
        var z = new (double, double)[count];
        for (var j = 0; j < count; j++)
        {
            var (slope, intercept) = layer.Weights is null ? units[j] : (0.0, 0.0);
            if (layer.Weights is { } w)
            {
                for (var k = 0; k < units.Length; k++)
                {
                    slope += w[j, k] * units[k].Slope;
                    intercept += w[j, k] * units[k].Intercept;
                }
            }
            z[j] = (slope, intercept + (layer.Offsets?[j] ?? 0));
        }
        return z;
    }

    // On an interval a unit is either passed through or zeroed; the probe point says which.
    private static (double, double) Activate((double Slope, double Intercept) z, double probe, string activation)
    {
        var value = z.Slope * probe + z.Intercept;
        var passes = activation switch
        {
            "relu" => value > 0,
            "lure" => value < 0,
            _ => true,
        };
        return passes ? z : (0, 0);
    }

    private static double Probe(double low, double high) => (double.IsInfinity(low), double.IsInfinity(high)) switch
    {
        (true, true) => 0,
        (true, false) => high - 1,
        (false, true) => low + 1,
        _ => (low + high) / 2,
    };

    private sealed record Interval(double Low, double High, (double Slope, double Intercept)[] Units);
}
