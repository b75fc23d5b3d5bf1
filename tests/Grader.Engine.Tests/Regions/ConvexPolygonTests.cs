using Grader.Engine.Regions;

namespace Grader.Engine.Tests.Regions;

public class ConvexPolygonTests
{
    private static readonly ConvexPolygon UnitSquare = ConvexPolygon.FromBox(new Box(0, 1, 0, 1));

    [Fact]
    public void A_triangle_has_the_shoelace_area()
    {
        var triangle = new ConvexPolygon([new(0, 0), new(4, 0), new(0, 3)]);

        Assert.Equal(6, triangle.Area, 12);
    }

    [Fact]
    public void Area_does_not_depend_on_vertex_orientation()
    {
        var clockwise = new ConvexPolygon([new(0, 3), new(4, 0), new(0, 0)]);

        Assert.Equal(6, clockwise.Area, 12);
    }

    [Fact]
    public void Clipping_a_square_by_its_diagonal_keeps_half()
    {
        var belowDiagonal = UnitSquare.ClipTo(new AffineForm(1, -1, 0));

        Assert.Equal(0.5, belowDiagonal.Area, 12);
        Assert.Equal(3, belowDiagonal.Vertices.Count);
    }

    [Fact]
    public void Clipping_by_a_half_plane_that_misses_the_polygon_leaves_it_empty()
    {
        var clipped = UnitSquare.ClipTo(new AffineForm(1, 0, -2));

        Assert.True(clipped.IsEmpty);
        Assert.Equal(0, clipped.Area);
    }

    [Fact]
    public void Clipping_by_a_half_plane_that_contains_the_polygon_keeps_it_whole()
    {
        var clipped = UnitSquare.ClipTo(new AffineForm(1, 1, 5));

        Assert.Equal(1, clipped.Area, 12);
        Assert.Equal(4, clipped.Vertices.Count);
    }

    [Fact]
    public void Clipping_through_a_vertex_does_not_repeat_it()
    {
        var clipped = UnitSquare.ClipTo(new AffineForm(-1, -1, 1));

        Assert.Equal(3, clipped.Vertices.Count);
        Assert.Equal(0.5, clipped.Area, 12);
    }
}
