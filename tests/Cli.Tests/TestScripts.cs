namespace SchemaNorm.Cli.Tests;

/// <summary>Small scripts the CI-output tests share.</summary>
internal static class TestScripts
{
    /// <summary>Two SN2001 warnings (Ssn -> Ename at line 5, Pnumber -> Pname, Plocation at line 7).</summary>
    public const string EmpProj = """
        CREATE TABLE dbo.EmpProj (
            Ssn       char(9)      NOT NULL,
            Pnumber   int          NOT NULL,
            Hours     decimal(5,1) NULL,
            -- schemanorm: fd Ssn -> Ename
            Ename     nvarchar(60) NOT NULL,
            -- schemanorm: fd Pnumber -> Pname, Plocation
            Pname     nvarchar(60) NOT NULL,
            Plocation nvarchar(60) NOT NULL,
            CONSTRAINT PK_EmpProj PRIMARY KEY (Ssn, Pnumber)
        );

        """;

    /// <summary>No findings.</summary>
    public const string Clean = """
        CREATE TABLE dbo.Customer (
            CustomerID int NOT NULL PRIMARY KEY,
            Name nvarchar(60) NOT NULL
        );

        """;

    /// <summary>A table without a key: one SN1001 warning at line 1.</summary>
    public const string Heap = "CREATE TABLE dbo.Heap (A int NULL, B int NULL);\n";

    /// <summary>Only a note: an MVD with the default BCNF target (4NF is beyond it).</summary>
    public const string NoteOnly = """
        CREATE TABLE dbo.CourseOffering (
            -- schemanorm: mvd Course ->> Teacher
            Course  varchar(10) NOT NULL,
            Teacher varchar(30) NOT NULL,
            Book    varchar(30) NOT NULL,
            PRIMARY KEY (Course, Teacher, Book)
        );

        """;

    public const string SyntaxError = "CREATE TABLE dbo.T (Id int NOT NULL,, Name int);\n";
}
