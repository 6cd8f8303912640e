CREATE TABLE dbo.Department (
    Dnumber int PRIMARY KEY, Dname nvarchar(30), Dmgr_ssn char(9)
);
CREATE TABLE dbo.Employee (
    Ssn char(9) PRIMARY KEY, Ename nvarchar(50), Dnumber int REFERENCES dbo.Department (Dnumber)
);
