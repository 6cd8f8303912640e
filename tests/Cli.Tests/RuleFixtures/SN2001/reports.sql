CREATE TABLE dbo.EmpProj (
    Ssn char(9), Pnumber int, Hours decimal(4,1),
    Ename nvarchar(50),
    PRIMARY KEY (Ssn, Pnumber)
    -- expect: SN2001
    -- schemanorm: fd Ssn -> Ename
);
