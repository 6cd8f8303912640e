CREATE TABLE dbo.Department (
    -- expect: SN1003
    Dnumber int PRIMARY KEY, Dname nvarchar(30), Dmgr_ssn char(9), Dlocations nvarchar(200)
);
INSERT INTO dbo.Department VALUES
    (5, N'Research', '333445555', N'{Bellaire, Sugarland, Houston}'),
    (4, N'Administration', '987654321', N'{Stafford}'),
    (1, N'Headquarters', '888665555', N'{Houston}');
