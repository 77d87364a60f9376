using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Talkover.Infrastructure.Tests.Support;

/// <summary>
/// One place in the code that runs a statement, with the parameter names its Dapper parameter object supplies:
/// an anonymous object's members (exactly those), or a typed object's public properties (Dapper sends the ones
/// the statement uses, so more are fine). <see cref="Unresolved"/> says why the names could not be read.
/// </summary>
internal sealed record StatementCallSite(string Statement, string Location, IReadOnlySet<string> Supplied, bool Exact, string? Unresolved = null);

/// <summary>
/// Finds, in the Infrastructure source (read with Roslyn), each call that passes a shared statement
/// (<c>Sql.Name</c>, named <c>{Class}.{Name}</c> as <see cref="SqlStatements"/> names it) or a dialect's statement
/// (<c>Dialect.Name</c>) to Dapper, and reads the parameter object beside it: an anonymous object, a local holding
/// one, a method returning one, <c>null</c>, or a typed parameter of the enclosing method.
/// </summary>
internal static class StatementCallSites
{
    private static readonly Assembly[] Assemblies =
        [typeof(Infrastructure.Persistence.DatabaseMigrator).Assembly, typeof(Domain.Common.ErrorCodes).Assembly, typeof(Application.DependencyInjection).Assembly];

    /// <summary>The call sites in every C# file under the Infrastructure project's folder.</summary>
    public static IReadOnlyList<StatementCallSite> InInfrastructure()
    {
        var folder = Path.Combine(RepositoryRoot(), "src", "Talkover.Infrastructure");
        return
        [
            .. Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .SelectMany(path => In(File.ReadAllText(path), Path.GetRelativePath(folder, path))),
        ];
    }

    public static IEnumerable<StatementCallSite> In(string source, string file)
    {
        var root = CSharpSyntaxTree.ParseText(source).GetRoot();
        // A call (db.ExecuteAsync(Sql.X, …)) or a command built for one (new CommandDefinition(Sql.X, …)).
        foreach (var invocation in root.DescendantNodes().Where(node => node is InvocationExpressionSyntax or ObjectCreationExpressionSyntax))
        {
            var arguments = invocation switch
            {
                InvocationExpressionSyntax call => call.ArgumentList.Arguments,
                _ => ((ObjectCreationExpressionSyntax)invocation).ArgumentList?.Arguments ?? default,
            };
            for (var i = 0; i < arguments.Count - 1; i++)
            {
                if (StatementName(arguments[i].Expression, invocation) is not { } statement)
                {
                    continue;
                }

                var line = invocation.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                yield return Read(statement, $"{file}:{line}", arguments[i + 1].Expression, invocation);
                break;
            }
        }
    }

    /// <summary>
    /// The parameters each list query names for its list (<c>request.With("EnvironmentId", …)</c>, <c>.Filter("type", "Type", …)</c>),
    /// as (class, method, filter or null, parameter, location).
    /// </summary>
    public static IReadOnlyList<(string Class, string Method, string? Filter, string Parameter, string Location)> ListParameters()
    {
        var folder = Path.Combine(RepositoryRoot(), "src", "Talkover.Infrastructure", "Persistence", "Queries");
        var found = new List<(string, string, string?, string, string)>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.cs"))
        {
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(path)).GetRoot();
            foreach (var call in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (call.Expression is not MemberAccessExpressionSyntax { Name.Identifier.Text: "With" or "Filter" } access
                    || call.ArgumentList.Arguments.Select(a => a.Expression).OfType<LiteralExpressionSyntax>().Select(l => l.Token.ValueText).ToList() is not { Count: > 0 } texts)
                {
                    continue;
                }

                var location = $"{Path.GetFileName(path)}:{call.GetLocation().GetLineSpan().StartLinePosition.Line + 1}";
                var owner = call.Ancestors().OfType<ClassDeclarationSyntax>().Last().Identifier.Text;
                found.Add(access.Name.Identifier.Text == "With" ? (owner, "With", null, texts[0], location) : (owner, "Filter", texts[0], texts[1], location));
            }
        }

        return found;
    }

    /// <summary><c>Sql.X</c> (or <c>Dialect.Locking(Sql.X)</c>) in class C is C.X; <c>Dialect.X</c> is SqlServerDialect.X.</summary>
    private static string? StatementName(ExpressionSyntax expression, SyntaxNode at)
    {
        if (expression is InvocationExpressionSyntax { ArgumentList.Arguments: [var only] } wrapped
            && wrapped.Expression is MemberAccessExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.Text: "Dialect" } })
        {
            expression = only.Expression;
        }

        if (expression is not MemberAccessExpressionSyntax access)
        {
            return null;
        }

        switch (access.Expression)
        {
            case IdentifierNameSyntax { Identifier.Text: "Sql" }:
                return $"{at.Ancestors().OfType<ClassDeclarationSyntax>().Last().Identifier.Text}.{access.Name.Identifier.Text}";
            case MemberAccessExpressionSyntax { Name.Identifier.Text: "Sql", Expression: IdentifierNameSyntax owner }:
                return $"{owner.Identifier.Text}.{access.Name.Identifier.Text}";
            case MemberAccessExpressionSyntax { Name.Identifier.Text: "Dialect" }:
                return $"SqlServerDialect.{access.Name.Identifier.Text}";
            default:
                return null;
        }
    }

    private static StatementCallSite Read(string statement, string location, ExpressionSyntax parameters, SyntaxNode at)
    {
        switch (parameters)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NullLiteralExpression):
                return new(statement, location, new HashSet<string>(), Exact: true);

            case AnonymousObjectCreationExpressionSyntax anonymous:
                return new(statement, location, Members(anonymous), Exact: true);

            case IdentifierNameSyntax name:
                {
                    var method = at.Ancestors().OfType<BaseMethodDeclarationSyntax>().FirstOrDefault();
                    var local = method?.DescendantNodes().OfType<VariableDeclaratorSyntax>().FirstOrDefault(v => v.Identifier.Text == name.Identifier.Text);
                    if (local?.Initializer?.Value is AnonymousObjectCreationExpressionSyntax held)
                    {
                        return new(statement, location, Members(held), Exact: true);
                    }

                    var parameter = method?.ParameterList.Parameters.FirstOrDefault(p => p.Identifier.Text == name.Identifier.Text);
                    if (parameter?.Type is { } type && TypeNamed(type.ToString()) is { } clr)
                    {
                        return new(statement, location, Properties(clr), Exact: false);
                    }

                    return new(statement, location, new HashSet<string>(), false, $"cannot read the parameter object {name}");
                }

            case InvocationExpressionSyntax { Expression: IdentifierNameSyntax helper }:
                {
                    var method = at.Ancestors().OfType<TypeDeclarationSyntax>().First().Members.OfType<MethodDeclarationSyntax>()
                        .FirstOrDefault(m => m.Identifier.Text == helper.Identifier.Text);
                    var made = method?.ExpressionBody?.Expression
                        ?? method?.Body?.DescendantNodes().OfType<ReturnStatementSyntax>().FirstOrDefault()?.Expression;
                    return made is AnonymousObjectCreationExpressionSyntax returned
                        ? new(statement, location, Members(returned), Exact: true)
                        : new(statement, location, new HashSet<string>(), false, $"cannot read what {helper} returns");
                }

            default:
                return new(statement, location, new HashSet<string>(), false, $"cannot read the parameter object {parameters}");
        }
    }

    private static HashSet<string> Members(AnonymousObjectCreationExpressionSyntax anonymous) =>
        new(
            anonymous.Initializers.Select(member => member.NameEquals?.Name.Identifier.Text ?? member.Expression switch
            {
                MemberAccessExpressionSyntax access => access.Name.Identifier.Text,
                IdentifierNameSyntax name => name.Identifier.Text,
                var other => other.ToString(),
            }),
            StringComparer.OrdinalIgnoreCase);

    private static HashSet<string> Properties(Type type) =>
        new(type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead).Select(p => p.Name), StringComparer.OrdinalIgnoreCase);

    private static Type? TypeNamed(string name) =>
        Assemblies.SelectMany(assembly => assembly.GetTypes()).FirstOrDefault(type => type.Name == name);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Talkover.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Talkover.sln not found above the test directory.");
    }
}
