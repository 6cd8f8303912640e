CREATE TABLE dbo.Department (
    Dnumber int PRIMARY KEY, Dname nvarchar(30), Dmgr_ssn char(9)
);
CREATE TABLE dbo.DeptLocation (
    Dnumber int REFERENCES dbo.Department (Dnumber),
    Dlocation nvarchar(30),
    PRIMARY KEY (Dnumber, Dlocation)
);
INSERT INTO dbo.Department VALUES (5, N'Research', '333445555'), (4, N'Administration', '987654321'), (1, N'Headquarters', '888665555');
INSERT INTO dbo.DeptLocation VALUES (5, N'Bellaire'), (5, N'Sugarland'), (5, N'Houston'), (4, N'Stafford'), (1, N'Houston');
