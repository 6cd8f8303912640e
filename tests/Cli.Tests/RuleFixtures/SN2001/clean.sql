CREATE TABLE dbo.Employee (
    Ssn char(9) PRIMARY KEY, Ename nvarchar(50)
);
CREATE TABLE dbo.WorksOn (
    Ssn char(9) REFERENCES dbo.Employee (Ssn), Pnumber int, Hours decimal(4,1),
    PRIMARY KEY (Ssn, Pnumber)
);
