using System.Linq.Expressions;

namespace Grader.Data.Access;

/// <summary>The one way a store limits rows to a <see cref="CourseScope"/>: a row of no course is in <see cref="CourseScope.All"/> only.</summary>
internal static class ScopedRows
{
    public static IQueryable<T> Within<T>(this IQueryable<T> rows, CourseScope scope, Expression<Func<T, string?>> course)
    {
        if (scope.Courses is not { } courses)
        {
            return rows;
        }

        // courses.Contains(course(row)): PostgreSQL's "= any(@courses)", false for a null course.
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)],
            Expression.Constant(courses.ToArray()), course.Body);
        return rows.Where(Expression.Lambda<Func<T, bool>>(contains, course.Parameters));
    }
}
