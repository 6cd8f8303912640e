using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.SqlServer.Dac;
using Microsoft.SqlServer.Dac.Model;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace SchemaNorm.Analyzer.Tests.Ingest;

/// <summary>
/// Builds .dacpac packages for tests with DacFx itself (TSqlModel + BuildPackage), then adds what an SSDT
/// build adds and the public API cannot: a post- or pre-deployment script (the part postdeploy.sql that
/// DacPackage.PostDeploymentScript reads) and the project's SQLCMD variables in model.xml's header, by name
/// with no value, as SSDT keeps them. DacFx checks model.xml against the checksum in Origin.xml, so that
/// checksum is written anew.
/// </summary>
internal static partial class DacpacTestPackages
{
    /// <param name="References">Packages the package references (logical name, and the path it was built against), as SSDT records a database reference.</param>
    /// <param name="External">Tables (as [schema].[name]) that live in the first referenced package: their elements are taken
    /// out of the model, and references to them and their columns point at that package, as in a package built against it.</param>
    public sealed record Extras(string? PostDeploy = null, string? PreDeploy = null, IReadOnlyList<string>? Variables = null,
        IReadOnlyList<(string logicalName, string fileName)>? References = null, IReadOnlyList<string>? External = null);

    public static string Build(string path, IEnumerable<(string name, string text)> scripts, Extras? extras = null)
    {
        using (var model = new TSqlModel(SqlServerVersion.Sql160, new TSqlModelOptions()))
        {
            foreach (var (name, text) in scripts) model.AddOrUpdateObjects(text, name, new TSqlObjectOptions());
            DacPackageExtensions.BuildPackage(path, model, new PackageMetadata { Name = Path.GetFileNameWithoutExtension(path), Version = "1.0.0.0" },
                new PackageOptions { IgnoreValidationErrors = ["SQL71501", "SQL71561"] });
        }
        if (extras is not null) AddExtras(path, extras);
        return path;
    }

    private static void AddExtras(string path, Extras extras)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var header = new StringBuilder("<Header>");
        foreach (var (logicalName, fileName) in extras.References ?? [])
            header.Append($"<CustomData Category=\"Reference\" Type=\"SqlSchema\"><Metadata Name=\"FileName\" Value=\"{fileName}\" />")
                  .Append($"<Metadata Name=\"LogicalName\" Value=\"{logicalName}\" /><Metadata Name=\"SuppressMissingDependenciesErrors\" Value=\"False\" /></CustomData>");
        if (extras.Variables is { Count: > 0 } variables)
        {
            header.Append("<CustomData Category=\"SqlCmdVariables\" Type=\"SqlCmdVariable\">");
            foreach (var v in variables) header.Append($"<Metadata Name=\"{v}\" Value=\"\" />");
            header.Append("</CustomData>");
        }
        header.Append("</Header>");
        var model = Externalize(Read(zip, "model.xml"), extras.External ?? [], extras.References?.FirstOrDefault().logicalName ?? "")
            .Replace("<Model>", header + "<Model>", StringComparison.Ordinal);
        var modelBytes = new UTF8Encoding(false).GetBytes(model);
        Write(zip, "model.xml", modelBytes);
        var checksum = Convert.ToHexString(SHA256.HashData(modelBytes));
        Write(zip, "Origin.xml", Encoding.UTF8.GetBytes(ModelChecksum().Replace(Read(zip, "Origin.xml"), "${open}" + checksum)));
        Write(zip, "[Content_Types].xml", Encoding.UTF8.GetBytes(Read(zip, "[Content_Types].xml")
            .Replace("</Types>", "<Default Extension=\"sql\" ContentType=\"text/plain\" /></Types>", StringComparison.Ordinal)));
        if (extras.PostDeploy is { } post) Write(zip, "postdeploy.sql", Encoding.UTF8.GetBytes(post));
        if (extras.PreDeploy is { } pre) Write(zip, "predeploy.sql", Encoding.UTF8.GetBytes(pre));
    }

    private static string Externalize(string modelXml, IReadOnlyList<string> tables, string package)
    {
        if (tables.Count == 0) return modelXml;
        var document = XDocument.Parse(modelXml);
        var ns = document.Root!.Name.Namespace;
        bool Names(string? name) => name is not null && tables.Any(t => name == t || name.StartsWith(t + ".", StringComparison.Ordinal));
        var model = document.Root.Element(ns + "Model")!;
        foreach (var element in model.Elements(ns + "Element").ToList())
        {
            bool definedThere = element.Elements(ns + "Relationship").Where(r => (string?)r.Attribute("Name") is "DefiningTable" or "Host")
                .SelectMany(r => r.Descendants(ns + "References")).Any(r => Names((string?)r.Attribute("Name")));
            if (Names((string?)element.Attribute("Name")) || definedThere) element.Remove();
        }
        foreach (var reference in model.Descendants(ns + "References").Where(r => Names((string?)r.Attribute("Name"))))
            reference.SetAttributeValue("ExternalSource", package);
        return document.Declaration + document.ToString(SaveOptions.DisableFormatting);
    }

    [GeneratedRegex("(?<open><Checksum Uri=\"/model.xml\">)[0-9A-F]+")]
    private static partial Regex ModelChecksum();

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd().TrimStart('\uFEFF');
    }

    private static void Write(ZipArchive zip, string name, byte[] bytes)
    {
        zip.GetEntry(name)?.Delete();
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(bytes);
    }

    /// <summary>
    /// The statements of an install script that a database project would hold as its schema (tables,
    /// their constraints and indexes, alias types, schemas, and the views, functions and sequences these
    /// may name), each as written; sp_addtype becomes the
    /// CREATE TYPE it stands for, since a model holds no EXEC.
    /// </summary>
    public static string SchemaStatements(string script)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        var fragment = (TSqlScript)parser.Parse(new StringReader(script), out var errors);
        Assert.Empty(errors);
        var kept = new StringBuilder();
        foreach (var statement in fragment.Batches.SelectMany(b => b.Statements))
        {
            string? text = statement switch
            {
                CreateTableStatement or AlterTableAddTableElementStatement or AlterTableConstraintModificationStatement
                    or CreateIndexStatement or CreateTypeUddtStatement or CreateSchemaStatement
                    // What constraints and indexes may name: a package holds these too.
                    or CreateViewStatement or CreateFunctionStatement or CreateSequenceStatement
                    => script.Substring(statement.StartOffset, statement.FragmentLength),
                ExecuteStatement e => AddTypeAsCreateType(e),
                _ => null,
            };
            if (text is not null) kept.Append(text).Append("\nGO\n");
        }
        return kept.ToString();
    }

    private static string? AddTypeAsCreateType(ExecuteStatement statement)
    {
        if (statement.ExecuteSpecification?.ExecutableEntity is not ExecutableProcedureReference { ProcedureReference.ProcedureReference: { } procedure } call
            || !procedure.Name.BaseIdentifier.Value.Equals("sp_addtype", StringComparison.OrdinalIgnoreCase)) return null;
        var args = call.Parameters.Select(p => p.ParameterValue switch
        {
            Literal l => l.Value,
            ColumnReferenceExpression c => c.MultiPartIdentifier.Identifiers[^1].Value,
            _ => "",
        }).ToList();
        return $"CREATE TYPE [dbo].[{args[0]}] FROM {args[1]} {(args.Count > 2 ? args[2] : "")}";
    }
}
