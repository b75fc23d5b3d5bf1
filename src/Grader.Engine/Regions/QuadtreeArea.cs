namespace Grader.Engine.Regions;

/// <summary>Where a cell lies relative to a region, as far as a rigorous test can tell.</summary>
internal enum CellVerdict
{
    Undecided,
    Inside,
    Outside,
}

/// <summary>The breadth-first quadtree behind RegionArea.Adaptive: split undecided cells, count the last ones half.</summary>
internal static class QuadtreeArea
{
    public static AreaEstimate Estimate(Func<Box, CellVerdict> classify, Box box, double targetError, int maxCells)
    {
        var inside = 0.0;
        var evaluated = 0;
        var level = new List<Box> { box };
        while (true)
        {
            var undecided = new List<Box>();
            foreach (var cell in level)
            {
                evaluated++;
                switch (classify(cell))
                {
                    case CellVerdict.Inside:
                        inside += cell.Area;
                        break;
                    case CellVerdict.Undecided:
                        undecided.Add(cell);
                        break;
                }
            }
            // Cells of one level share a size, so the undecided area is a count times one cell's area.
            var undecidedArea = undecided.Count == 0 ? 0 : undecided.Count * undecided[0].Area;
            if (undecidedArea / 2 <= targetError || evaluated + 4L * undecided.Count > maxCells)
            {
                return new AreaEstimate(inside + undecidedArea / 2, undecidedArea / 2);
            }
            level = undecided.SelectMany(cell => cell.Quarters()).ToList();
        }
    }

    /// <summary>|g(x) − g(centre)| ≤ L·|x − centre| ≤ L·(half-diagonal) decides the sign of g on the whole cell.</summary>
    public static CellVerdict ByLipschitz(Func<double, double, double> g, double lipschitz, Box cell)
    {
        var centre = cell.Centre;
        var value = g(centre.X, centre.Y);
        var reach = lipschitz * cell.HalfDiagonal;
        return value >= reach ? CellVerdict.Inside : value < -reach ? CellVerdict.Outside : CellVerdict.Undecided;
    }
}
